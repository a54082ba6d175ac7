#pragma once

#include <QChartView>

#include <initializer_list>

/*!
    A chart view the operator can zoom and pan: drag a rectangle or turn the wheel to zoom,
    drag with the right (or middle) button or use the arrow keys to pan, double-click (or
    press 0) to go back to the whole run. While zoomed, the owner leaves the axes alone.
    Hovering reports the value under the pointer.
*/
class ZoomChartView final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ZoomChartView)

public:
    explicit ZoomChartView(QChart *chart, QWidget *parent = nullptr);

    bool isZoomed() const { return m_zoomed; }
    // How to zoom and pan, in one sentence (the charts' tabs show it).
    static QString help();
    void resetZoom();

Q_SIGNALS:
    // After every zoom or pan step, and when back to the whole run.
    void zoomChanged(bool zoomed);
    // Under the pointer, in the axes' values; inside the plot area only.
    void hovered(const QPointF &value, const QPoint &globalPos);
    // The pointer left the plot area (or the view).
    void hoverLeft();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void setZoomed(bool zoomed);

    bool m_zoomed = false;
    bool m_panning = false;
    QPoint m_last;
};

// A chart's widget: `view` over a row of `options` (check boxes, a choice), left-aligned.
void layOutChart(QWidget *owner, QWidget *view, std::initializer_list<QWidget *> options);
