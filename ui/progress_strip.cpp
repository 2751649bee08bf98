// SPDX-License-Identifier: MIT
#include "ui/progress_strip.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace kvt::ui {

ProgressStrip::ProgressStrip(QWidget *parent)
    : QWidget(parent), m_label(new QLabel(this)), m_bar(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this))
{
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(false);
    m_bar->setFixedWidth(160);
    m_showTimer.setSingleShot(true);
    connect(&m_showTimer, &QTimer::timeout, this, &QWidget::show);
    connect(m_cancel, &QPushButton::clicked, this, &ProgressStrip::cancelRequested);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    hide();
}

void ProgressStrip::start(const QString &what, int delayMs)
{
    m_label->setText(what);
    m_bar->setValue(0);
    m_cancel->setEnabled(true);
    m_showTimer.start(delayMs);
}

void ProgressStrip::setPermille(int permille)
{
    m_bar->setValue(permille);
}

void ProgressStrip::finish()
{
    m_showTimer.stop();
    hide();
}

} // namespace kvt::ui
