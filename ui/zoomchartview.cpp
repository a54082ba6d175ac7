#include "zoomchartview.h"

#include <QChart>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QVBoxLayout>
#include <QWheelEvent>

ZoomChartView::ZoomChartView(QChart *chart, QWidget *parent)
    : QChartView(chart, parent)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    setRenderHint(QPainter::Antialiasing, false);
    setRubberBand(QChartView::RectangleRubberBand);
    viewport()->setMouseTracking(true); // hover without a button pressed
    setFocusPolicy(Qt::StrongFocus); // the arrow keys pan, 0 resets
    setMinimumSize(160, 170); // below this height Qt Charts elides the axis labels
}

QString ZoomChartView::help()
{
    return tr("Drag a rectangle or turn the wheel to zoom; drag with the right button or use the "
              "arrow keys to pan; double-click to see the whole run");
}

void ZoomChartView::setZoomed(bool zoomed)
{
    // Every zoom and pan step is reported: the owner redraws what is now in view.
    m_zoomed = zoomed;
    Q_EMIT zoomChanged(zoomed);
}

void ZoomChartView::resetZoom()
{
    chart()->zoomReset();
    setZoomed(false);
}

void ZoomChartView::wheelEvent(QWheelEvent *event)
{
    const double factor = event->angleDelta().y() > 0 ? 1.25 : 0.8;
    // Zoom around the pointer: move it to the centre, zoom, move back.
    const QPointF centre = chart()->plotArea().center();
    const QPointF at = event->position();
    chart()->scroll(at.x() - centre.x(), centre.y() - at.y());
    chart()->zoom(factor);
    chart()->scroll(centre.x() - at.x(), at.y() - centre.y());
    setZoomed(true);
    event->accept();
}

void ZoomChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::RightButton || event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_last = event->pos();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void ZoomChartView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint delta = event->pos() - m_last;
        m_last = event->pos();
        chart()->scroll(-delta.x(), delta.y());
        setZoomed(true);
        event->accept();
        return;
    }
    if (chart()->plotArea().contains(event->position()))
        Q_EMIT hovered(chart()->mapToValue(event->position()), event->globalPosition().toPoint());
    else
        Q_EMIT hoverLeft();
    QChartView::mouseMoveEvent(event);
}

void ZoomChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        unsetCursor();
        event->accept();
        return;
    }
    // The rubber band zooms on release (a right click inside it would zoom out: not here).
    const bool rubberBand = event->button() == Qt::LeftButton;
    QChartView::mouseReleaseEvent(event);
    if (rubberBand && chart()->isZoomed())
        setZoomed(true);
}

void ZoomChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    resetZoom();
    event->accept();
}

void ZoomChartView::leaveEvent(QEvent *event)
{
    Q_EMIT hoverLeft();
    QChartView::leaveEvent(event);
}

void ZoomChartView::keyPressEvent(QKeyEvent *event)
{
    const double step = 20;
    switch (event->key()) {
    case Qt::Key_Left:
        chart()->scroll(-step, 0);
        break;
    case Qt::Key_Right:
        chart()->scroll(step, 0);
        break;
    case Qt::Key_Up:
        chart()->scroll(0, step);
        break;
    case Qt::Key_Down:
        chart()->scroll(0, -step);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        chart()->zoom(1.25);
        break;
    case Qt::Key_Minus:
        chart()->zoom(0.8);
        break;
    case Qt::Key_0:
    case Qt::Key_Home:
        resetZoom();
        return;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    setZoomed(true);
}

void layOutChart(QWidget *owner, QWidget *view, std::initializer_list<QWidget *> options)
{
    auto *row = new QHBoxLayout;
    row->setContentsMargins(4, 0, 4, 0);
    for (QWidget *option : options)
        row->addWidget(option);
    row->addStretch();
    auto *layout = new QVBoxLayout(owner);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(view, 1);
    layout->addLayout(row);
}
