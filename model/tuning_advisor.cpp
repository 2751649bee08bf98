// SPDX-License-Identifier: MIT
#include "model/tuning_advisor.h"

#include "model/analysis_session.h"
#include "model/latest_answer.h"

namespace kvt::model {

TuningAdvisor::TuningAdvisor(AnalysisSession *session, QObject *parent)
    : QObject(parent), m_session(session), m_adviceJob(new LatestAnswer(this)), m_previewJob(new LatestAnswer(this))
{
    connect(session, &AnalysisSession::backtestChanged, this, &TuningAdvisor::onBacktest);
}

TuningAdvisor::~TuningAdvisor() = default;

bool TuningAdvisor::isBusy() const
{
    return m_adviceJob->isBusy() || m_previewJob->isBusy();
}

void TuningAdvisor::setViewer(const QObject *viewer, bool visible)
{
    const bool was = isActive();
    if (visible)
        m_viewers.insert(viewer);
    else
        m_viewers.remove(viewer);
    if (!was && isActive() && !m_advice)
        requestAdvice();
}

void TuningAdvisor::onBacktest()
{
    // The old answers describe another backtest: drop them rather than show them beside new figures.
    m_advice.reset();
    m_preview.reset();
    Q_EMIT adviceChanged();
    Q_EMIT previewChanged();
    requestAdvice();
    requestPreview();
}

void TuningAdvisor::requestAdvice()
{
    const std::shared_ptr<const BacktestOutcome> backtest = m_session->backtest();
    if (!isActive() || !backtest || !backtest->dataset) {
        m_adviceJob->cancel();
        return;
    }
    m_adviceJob->run<TuningAdvice>(
        [backtest](const std::atomic<bool> &stop) -> std::shared_ptr<const TuningAdvice> {
            auto advice = std::make_shared<TuningAdvice>();
            advice->dataset = backtest->dataset;
            advice->sentinel = backtest->current.params.sentinel;
            advice->burst = backtest->current.params.burst;
            advice->thresholds = engine::adviseThresholds(*backtest->dataset, advice->sentinel, backtest->days.first,
                backtest->days.last, backtest->runAt, &stop);
            for (const auto kind :
                {engine::ExclusionKind::AppId, engine::ExclusionKind::CallerIp, engine::ExclusionKind::Account}) {
                if (stop.load())
                    return nullptr;
                advice->candidates[static_cast<std::size_t>(kind)] = engine::exclusionCandidates(
                    *backtest->dataset, advice->sentinel, advice->burst, kind, kCandidates);
            }
            return stop.load() ? nullptr : advice;
        },
        [this](std::shared_ptr<const TuningAdvice> advice) {
            m_advice = std::move(advice);
            Q_EMIT adviceChanged();
        });
}

void TuningAdvisor::previewExclusion(const engine::Exclusion &exclusion)
{
    if (m_previewed == exclusion)
        return;
    m_previewed = exclusion;
    m_preview.reset();
    Q_EMIT previewChanged();
    requestPreview();
}

void TuningAdvisor::clearPreview()
{
    m_previewJob->cancel();
    m_previewed.reset();
    m_preview.reset();
    Q_EMIT previewChanged();
}

void TuningAdvisor::requestPreview()
{
    const std::shared_ptr<const BacktestOutcome> backtest = m_session->backtest();
    if (!m_previewed || !backtest || !backtest->dataset) {
        m_previewJob->cancel();
        return;
    }
    m_previewJob->run<ExclusionPreview>(
        [backtest, exclusion = *m_previewed](const std::atomic<bool> &stop) -> std::shared_ptr<const ExclusionPreview> {
            auto preview = std::make_shared<ExclusionPreview>();
            preview->dataset = backtest->dataset;
            const BacktestSide &side = backtest->current;
            preview->impact = engine::exclusionImpact(*backtest->dataset, side.params.sentinel, side.params.burst,
                side.sentinel, side.burst, exclusion, &stop);
            return stop.load() ? nullptr : preview;
        },
        [this](std::shared_ptr<const ExclusionPreview> preview) {
            m_preview = std::move(preview);
            Q_EMIT previewChanged();
        });
}

void TuningAdvisor::applyPreviewed(Rule rule)
{
    if (!m_previewed)
        return;
    if (rule == Rule::Sentinel)
        m_session->setSentinelParams(
            engine::withExclusion(m_session->sentinelParams(), *m_previewed), AnalysisSession::Apply::Now);
    else
        m_session->setBurstParams(
            engine::withExclusion(m_session->burstParams(), *m_previewed), AnalysisSession::Apply::Now);
}

} // namespace kvt::model
