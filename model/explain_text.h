// SPDX-License-Identifier: MIT
// The words of a score explanation: a short HTML document an analyst can defend an alert or a tuning
// decision from (the figures come from engine/report/score_explanation). Translatable.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

#include "engine/report/score_explanation.h"

namespace kvt::model {

/// The translation context of every sentence below (lupdate reads ExplainText::tr).
struct ExplainText {
    Q_DECLARE_TR_FUNCTIONS(kvt::model::ExplainText)
};

/// The verdict as a heading: "Alerted", "Silenced by the join", ...
QString verdictTitle(engine::Verdict verdict);

/// One sentence: the verdict with the numbers that decided it (plain text, keys not included).
QString verdictSentence(const engine::ScoreExplanation &e);

/// The whole explanation for a QTextBrowser: the count, trend, seasonal part (or why there is none),
/// baseline, residual, fences, the ctukey arithmetic, the flag, each stage of the rule up to the one
/// that decided the point, and a table of every figure in full precision. The key (text from the
/// logs) is escaped.
QString explanationHtml(const engine::ScoreExplanation &e);

/// @p value with the fewest significant digits (7 to 17) whose printed form still satisfies
/// @p sameOutcome, so a rounded number never reverses the comparison it decides (a score of
/// 3.0000001 against 3, a baseline of 25.999999999999996 that truncates to 25). ±infinity as "+∞"/"−∞".
QString decidingNumber(double value, const std::function<bool(double printed)> &sameOutcome);

} // namespace kvt::model
