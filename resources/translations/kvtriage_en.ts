<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%1 → %n alert(s)</source>
        <translation>
            <numerusform>%1 → %n alert</numerusform>
            <numerusform>%1 → %n alerts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kvt::model::ExplainText</name>
    <message numerus="yes">
        <source>%n final alert row(s).</source>
        <translation>
            <numerusform>%n final alert row.</numerusform>
            <numerusform>%n final alert rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Flagged (score %1 &gt; %2), the baseline truncates to %3 &gt; %4, the bin is inside the alert window, and the join raised %n alert row(s).</source>
        <translation>
            <numerusform>Flagged (score %1 &gt; %2), the baseline truncates to %3 &gt; %4, the bin is inside the alert window, and the join raised %n alert row.</numerusform>
            <numerusform>Flagged (score %1 &gt; %2), the baseline truncates to %3 &gt; %4, the bin is inside the alert window, and the join raised %n alert rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kvt::model::RuleText</name>
    <message numerus="yes">
        <source>Alerted: the join attached all %n record(s) of the bin.</source>
        <translation>
            <numerusform>Alerted: the join attached the %n record of the bin.</numerusform>
            <numerusform>Alerted: the join attached all %n records of the bin.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kvt::model::TuningSummary</name>
    <message numerus="yes">
        <source> +%n more</source>
        <translation>
            <numerusform> +%n more</numerusform>
            <numerusform> +%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kvt::ui::AlertsPanel</name>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n alert</numerusform>
            <numerusform>%n alerts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kvt::ui::BacktestPanel</name>
    <message numerus="yes">
        <source>No day of the data has a full look-back of %n day(s): nothing to replay.</source>
        <translation>
            <numerusform>No day of the data has a full look-back of %n day: nothing to replay.</numerusform>
            <numerusform>No day of the data has a full look-back of %n days: nothing to replay.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n daily run(s) at %1 UTC, %2 to %3: </source>
        <translation>
            <numerusform>%n daily run at %1 UTC, %2 to %3: </numerusform>
            <numerusform>%n daily runs at %1 UTC, %2 to %3: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sentinel %n alert(s)</source>
        <translation>
            <numerusform>Sentinel %n alert</numerusform>
            <numerusform>Sentinel %n alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> on %n day(s)</source>
        <translation>
            <numerusform> on %n day</numerusform>
            <numerusform> on %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, ES|QL %n alert(s)</source>
        <translation>
            <numerusform>, ES|QL %n alert</numerusform>
            <numerusform>, ES|QL %n alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Run %1 UTC: %n Sentinel alert(s)</source>
        <translation>
            <numerusform>Run %1 UTC: %n Sentinel alert</numerusform>
            <numerusform>Run %1 UTC: %n Sentinel alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n anomaly(ies)</source>
        <translation>
            <numerusform>, %n anomaly</numerusform>
            <numerusform>, %n anomalies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n ES|QL alert(s)</source>
        <translation>
            <numerusform>, %n ES|QL alert</numerusform>
            <numerusform>, %n ES|QL alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A: %n alert(s)</source>
        <translation>
            <numerusform>A: %n alert</numerusform>
            <numerusform>A: %n alerts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kvt::ui::ChartPanel</name>
    <message numerus="yes">
        <source>Daily records per caller IP (all operations) — %n shown</source>
        <translation>
            <numerusform>Daily records per caller IP (all operations) — %n shown</numerusform>
            <numerusform>Daily records per caller IP (all operations) — %n shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kvt::ui::ExclusionPanel</name>
    <message numerus="yes">
        <source>Excluding %1 over %n run(s): </source>
        <translation>
            <numerusform>Excluding %1 over %n run: </numerusform>
            <numerusform>Excluding %1 over %n runs: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kvt::ui::HeatStrip</name>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n key</numerusform>
            <numerusform>%n keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>up to %n key(s) a row (a row shows its strongest score)</source>
        <translation>
            <numerusform>up to %n key a row (a row shows its strongest score)</numerusform>
            <numerusform>up to %n keys a row (a row shows its strongest score)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This row holds %n key(s) (ranks %1 to %2 by urgency) and shows the strongest score.</source>
        <translation>
            <numerusform>This row holds %n key (ranks %1 to %2 by urgency) and shows its score.</numerusform>
            <numerusform>This row holds %n keys (ranks %1 to %2 by urgency) and shows the strongest score.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kvt::ui::KeysPanel</name>
    <message numerus="yes">
        <source>Sentinel rule, %n key(s): %1</source>
        <translation>
            <numerusform>Sentinel rule, %n key: %1</numerusform>
            <numerusform>Sentinel rule, %n keys: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kvt::ui::MainWindow</name>
    <message numerus="yes">
        <source>Loading %n input(s)…</source>
        <translation>
            <numerusform>Loading %n input…</numerusform>
            <numerusform>Loading %n inputs…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kvt::ui::SessionStatusLabel</name>
    <message numerus="yes">
        <source>%1 records from %n file(s)</source>
        <translation>
            <numerusform>%1 records from %n file</numerusform>
            <numerusform>%1 records from %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> │ Sentinel, run %1 UTC%2: %n anomaly(ies)</source>
        <translation>
            <numerusform> │ Sentinel, run %1 UTC%2: %n anomaly</numerusform>
            <numerusform> │ Sentinel, run %1 UTC%2: %n anomalies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n alert(s)</source>
        <translation>
            <numerusform>, %n alert</numerusform>
            <numerusform>, %n alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n raised nothing)</source>
        <translation>
            <numerusform> (%n raised nothing)</numerusform>
            <numerusform> (%n raised nothing)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> │ ES|QL: %n alert(s)</source>
        <translation>
            <numerusform> │ ES|QL: %n alert</numerusform>
            <numerusform> │ ES|QL: %n alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kvt::ui::ThresholdAdvicePanel</name>
    <message numerus="yes">
        <source>Over %n daily run(s), </source>
        <translation>
            <numerusform>Over %n daily run, </numerusform>
            <numerusform>Over %n daily runs, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>score threshold %1 and baseline threshold %2 give %n Sentinel alert(s)</source>
        <translation>
            <numerusform>score threshold %1 and baseline threshold %2 give %n Sentinel alert</numerusform>
            <numerusform>score threshold %1 and baseline threshold %2 give %n Sentinel alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> on %n day(s)</source>
        <translation>
            <numerusform> on %n day</numerusform>
            <numerusform> on %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kvt::ui::TuningPanel</name>
    <message numerus="yes">
        <source>%n value(s) differ from the deployed rules (bold).</source>
        <translation>
            <numerusform>%n value differs from the deployed rules (bold).</numerusform>
            <numerusform>%n values differ from the deployed rules (bold).</numerusform>
        </translation>
    </message>
</context>
</TS>
