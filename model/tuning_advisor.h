// SPDX-License-Identifier: MIT
// Tuning advice beside the backtest: the alert volume each score and baseline threshold would give,
// the values worth excluding, and what one exclusion would remove before the analyst adds it. All
// of it replays the session's current backtest off the GUI thread, after every new backtest.
#pragma once

#include <QObject>
#include <QSet>

#include <array>
#include <memory>
#include <optional>

#include "engine/rules/exclusion_impact.h"
#include "engine/rules/threshold_advice.h"

namespace kvt::model {

class AnalysisSession;
class LatestAnswer;

/// The advice for one backtest. Immutable once published.
struct TuningAdvice {
    std::shared_ptr<const engine::Dataset> dataset;
    engine::SentinelParams sentinel; ///< the parameters the backtest ran with
    engine::ElasticBurstParams burst;
    engine::ThresholdAdvice thresholds;
    /// Per ExclusionKind, the values the rules read most.
    std::array<std::vector<engine::ExclusionCandidate>, 3> candidates;

    const std::vector<engine::ExclusionCandidate> &candidatesOf(engine::ExclusionKind k) const
    {
        return candidates[static_cast<std::size_t>(k)];
    }
};

/// One exclusion's impact on the session's backtest. Immutable once published.
struct ExclusionPreview {
    std::shared_ptr<const engine::Dataset> dataset;
    engine::ExclusionImpact impact;
};

/// Follows the session's backtest. GUI thread only.
class TuningAdvisor : public QObject {
    Q_OBJECT
public:
    static constexpr std::size_t kCandidates = 50; ///< values offered per kind

    explicit TuningAdvisor(AnalysisSession *session, QObject *parent = nullptr);
    ~TuningAdvisor() override;

    /// The advice is computed only while some panel shows it: each panel says when it is shown and
    /// hidden; the first viewer starts the advice for the current backtest.
    void setViewer(const QObject *viewer, bool visible);
    bool isActive() const { return !m_viewers.isEmpty(); }
    std::shared_ptr<const TuningAdvice> advice() const { return m_advice; }

    /// Replays the current backtest with @p exclusion added to both rules; @ref previewChanged follows.
    void previewExclusion(const engine::Exclusion &exclusion);
    void clearPreview();
    std::optional<engine::Exclusion> previewedExclusion() const { return m_previewed; }
    /// The last preview of the previewed exclusion against the current backtest (null while none).
    std::shared_ptr<const ExclusionPreview> preview() const { return m_preview; }

    enum class Rule { Sentinel, Elastic };
    /// Adds the previewed exclusion to @p rule's parameters (a rescore follows at once).
    void applyPreviewed(Rule rule);

    bool isBusy() const;

Q_SIGNALS:
    void adviceChanged();
    void previewChanged();

private:
    void onBacktest();
    void requestAdvice();
    void requestPreview();

    AnalysisSession *m_session;
    LatestAnswer *m_adviceJob;
    LatestAnswer *m_previewJob;
    QSet<const QObject *> m_viewers;
    std::shared_ptr<const TuningAdvice> m_advice;
    std::optional<engine::Exclusion> m_previewed;
    std::shared_ptr<const ExclusionPreview> m_preview;
};

} // namespace kvt::model
