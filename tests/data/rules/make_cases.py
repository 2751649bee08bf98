#!/usr/bin/env python3
"""Writes the input of the Sentinel-rule golden cases (raw diagnostic JSON Lines).

The expected outputs beside each input (expected-*.json) are derived by hand from
shared/spec/kql-semantics.md, not from kvtriage: see the README.md of each case.
Run from this folder: python3 make_cases.py
"""
import gzip
import json

D = "2026-11-23"            # today; the rule runs at D 00:05 UTC and evaluates D-1 = 2026-11-22
DAYS = [f"2026-11-{d:02d}" for d in range(9, 23)]   # D-14 .. D-1
A = [100, 110, 95, 105, 98, 102, 97, 101, 99, 103, 100, 96, 104, 300]  # spec 1.7 worked example
B = [3, 5, 4, 6, 2, 5, 4, 3, 5, 4, 6, 5, 4, 40]                         # spec 1.7, small caller
ARG = "509e4652-da8d-478d-a730-e9d4a1996ca4"
OID1, OID2, OID3, ARG_OID = ("11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222",
                             "33333333-3333-4333-8333-333333333333", "44444444-4444-4444-8444-444444444444")
APP = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"
KV1 = "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000001/RESOURCEGROUPS/RG1/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/KV1"
KV2 = "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000001/RESOURCEGROUPS/RG1/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/KV2"
I1, U1 = "https://kv1.vault.azure.net/secrets/db/v1", "https://kv1.vault.azure.net/secrets/db?api-version=7.4"
I2, U2 = "https://kv2.vault.azure.net/secrets/api/v2", "https://kv2.vault.azure.net/secrets/api?api-version=7.4"
C1, C2 = "app/1.0", "Azure Resource Graph"

rows = []


def rec(t, ip, op="SecretGet", vault=KV1, oid=OID1, app=APP, result="Success", id_s=I1, uri=U1, client=C1, arm=False):
    claim = {"appid": app}
    if arm:
        claim["http://schemas.microsoft.com/identity/claims/objectidentifier"] = oid
    else:
        claim["oid"] = oid
    rows.append({"time": t, "resourceId": vault, "operationName": op, "operationVersion": "7.4",
                 "category": "AuditEvent", "resultType": result, "resultSignature": "OK", "durationMs": "5",
                 "callerIpAddress": ip, "correlationId": "", "identity": {"claim": claim},
                 "properties": {"clientInfo": client, "requestUri": uri, "id": id_s, "httpStatusCode": 200}})


def at(day, hh, mm, ss):
    return f"{day}T{hh:02d}:{mm:02d}:{ss:02d}.0000000Z"


def spread(day, hour, n):
    """n timestamps one second apart from day hour:00:00."""
    return [at(day, hour + (k // 3600), (k // 60) % 60, k % 60) for k in range(n)]


# 203.0.113.7: counts A + 5 (5 SecretGet a day by the allow-listed app, which the rule keeps).
for i, day in enumerate(DAYS):
    last = i == 13
    if not last:
        times = spread(day, 10, A[i])
        if i == 0:
            times[0] = at(day, 0, 0, 0)   # exactly startofday(ago(14d)): the first bin
        for t in times:
            rec(t, "203.0.113.7")
    else:
        for k in range(39):                          # 00:10:00 .. 00:10:38, first user
            rec(at(day, 0, 10, k), "203.0.113.7")
        rec(at(day, 0, 10, 38), "203.0.113.7", oid=OID2)   # second user, same latest second
        for t in spread(day, 12, 260):               # 12:00:00 .. 12:04:19, outside the first hour
            rec(t, "203.0.113.7")
    for k in range(5):
        rec(at(day, 13 if last else 10, 30, k), "203.0.113.7", oid=ARG_OID, app=ARG, client=C2)
    # Filtered out by the rule: operations not in the list, failures, allow-listed VaultGet.
    for k in range(50):
        rec(at(day, 0, 20, k), "203.0.113.7", op="SecretList")
    for k in range(20):
        rec(at(day, 0, 30, k), "203.0.113.7", result="Failure")
    for k in range(30):
        rec(at(day, 0, 40, k), "203.0.113.7", op="VaultGet", oid=ARG_OID, app=ARG, client=C2, arm=True,
            id_s="https://kv1.vault.azure.net/", uri="https://management.azure.com/kv1")

# Rows just outside the series: the day before the first bin, and exactly startofday(now).
rec("2026-11-08T23:59:59.9999999Z", "203.0.113.7")
rec("2026-11-23T00:00:00.0000000Z", "203.0.113.7")

# 192.0.2.10: small caller (B): flagged by the model, baseline 13 is not > 25.
for i, day in enumerate(DAYS):
    for t in spread(day, 0, B[i]):
        rec(t, "192.0.2.10", oid=OID3)

# 192.0.2.20: counts A, last day's spike from 05:00 only: silenced by the deployed join.
for i, day in enumerate(DAYS):
    for t in spread(day, 5 if i == 13 else 9, A[i]):
        rec(t, "192.0.2.20", vault=KV2, oid=OID3, id_s=I2, uri=U2)



def write(folder):
    # mtime=0 keeps the gzip bytes identical from run to run.
    with gzip.GzipFile(f"{folder}/input.jsonl.gz", "wb", mtime=0) as f:
        for r in rows:
            f.write((json.dumps(r, separators=(",", ":")) + "\n").encode())
    print(folder, len(rows), "records")
    rows.clear()


write("first-hour-join")

# ---- Case "drops-and-splits" ----------------------------------------------------------------------
X = "55555555-5555-4555-8555-555555555555"
ARG_UPPER = ARG.upper()
VAULT_ID, VAULT_URI = "https://kv1.vault.azure.net/", "https://management.azure.com/kv1"


def no_oid(t, ip, **kw):
    rec(t, ip, **kw)
    del rows[-1]["identity"]["claim"]["oid"]


# 198.51.100.2: 400 - A, a drop on the last day: flag -1, never an anomaly (spikes only).
for i, day in enumerate(DAYS):
    for t in spread(day, 8, 400 - A[i]):
        rec(t, "198.51.100.2", oid=X)

# 198.51.100.3: A split over two vaults, plus 5 VaultGet a day by the allow-listed id in upper case
# (`in` is case-sensitive, so they count) and without any oid: counts A + 5.
for i, day in enumerate(DAYS):
    last = i == 13
    half = A[i] // 2
    for t in spread(day, 0 if last else 9, half):
        rec(t, "198.51.100.3", oid=X)
    for k, t in enumerate(spread(day, 0, A[i] - half)):
        t = at(day, 0, 10 + k // 60, k % 60) if last else at(day, 9, 30 + k // 60, k % 60)
        rec(t, "198.51.100.3", vault=KV2, oid=X, id_s=I2, uri=U2)
    for k in range(5):
        no_oid(at(day, 0 if last else 11, 20, k), "198.51.100.3", op="VaultGet", app=ARG_UPPER,
               id_s=VAULT_ID, uri=VAULT_URI)

# 198.51.100.4: A reversed: its spike is in the first bin (2026-11-09), outside the alert window.
for i, day in enumerate(DAYS):
    for t in spread(day, 0, A[13 - i]):
        rec(t, "198.51.100.4", oid=X)

write("drops-and-splits")
