/**
 * The whole recording at a glance (SVG): live partial matches over time as an area, match and
 * timeout markers, the watermark's lag behind event time, and the current position. Click or
 * drag to jump. The back end buckets long recordings; the caption says "showing N of M".
 */
import { useRef, type PointerEvent } from 'react';
import type { TimelineData } from '../../electron/contract';
import { formatCount } from '../recordings/format';

const HEIGHT = 64;
const WIDTH = 1000;

export interface TimelineProps {
  data: TimelineData | null;
  position: number;
  total: number;
  analysis: { done: number; total: number } | null;
  onSeek: (position: number) => void;
}

export function Timeline({ data, position, total, analysis, onSeek }: TimelineProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const x = (p: number) => (total > 0 ? (p / total) * WIDTH : 0);
  const buckets = data?.buckets ?? [];
  const maxLive = Math.max(1, ...buckets.map((b) => b.liveMax));
  const y = (live: number) => HEIGHT - 6 - (live / maxLive) * (HEIGHT - 16);

  const area =
    buckets.length > 0
      ? `M${x(buckets[0]?.fromPosition ?? 0)},${HEIGHT - 6} ` +
        buckets
          .map((b) => `L${x(b.fromPosition)},${y(b.liveMax)} L${x(b.toPosition)},${y(b.liveMax)}`)
          .join(' ') +
        ` L${x(buckets[buckets.length - 1]?.toPosition ?? 0)},${HEIGHT - 6} Z`
      : '';
  // Watermark lag: how far event time runs ahead of the watermark, scaled to the largest lag.
  const lags = buckets.map((b) =>
    b.ts !== null && b.watermark !== null ? Math.max(0, b.ts - b.watermark) : null,
  );
  const maxLag = Math.max(1, ...lags.map((l) => l ?? 0));
  const lagPath = buckets
    .map((b, i) => {
      const lag = lags[i];
      return lag === null || lag === undefined
        ? null
        : `${x((b.fromPosition + b.toPosition) / 2)},${8 + (lag / maxLag) * 14}`;
    })
    .filter((p): p is string => p !== null);

  const seekAt = (e: PointerEvent<SVGSVGElement>) => {
    const rect = svgRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0 || total === 0) return;
    const ratio = Math.min(1, Math.max(0, (e.clientX - rect.left) / rect.width));
    onSeek(Math.round(ratio * total));
  };

  const caption = !data
    ? 'Analysing the recording…'
    : `${data.complete ? '' : `Analysing… ${analysis ? Math.round((analysis.done / Math.max(1, analysis.total)) * 100) : 0}% · `}` +
      `showing ${formatCount(data.shownPoints)} of ${formatCount(data.totalSamples)} points` +
      (data.stepsPerSample > 1 ? ` (1 per ${formatCount(data.stepsPerSample)} steps)` : '') +
      ` · ${formatCount(data.shownMarkers)} of ${formatCount(data.totalMarkers)} markers`;

  return (
    <div className="timeline" data-testid="replay-timeline">
      <svg
        ref={svgRef}
        className="timeline-svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="slider"
        aria-label="Replay position"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={position}
        tabIndex={-1}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          seekAt(e);
        }}
        onPointerUp={(e) => e.currentTarget.releasePointerCapture(e.pointerId)}
      >
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="timeline-bg" />
        {area && <path d={area} className="timeline-live" />}
        {lagPath.length > 1 && <polyline points={lagPath.join(' ')} className="timeline-watermark" />}
        {data?.markers.map((m, i) => (
          <line
            key={i}
            x1={x(m.position)}
            x2={x(m.position)}
            y1={HEIGHT - 12}
            y2={HEIGHT}
            className={m.kind === 'match' ? 'timeline-match' : 'timeline-timeout'}
          />
        ))}
        <line x1={x(position)} x2={x(position)} y1={0} y2={HEIGHT} className="timeline-cursor" />
      </svg>
      <div className="timeline-caption" data-testid="timeline-caption">
        <span className="legend legend-live">live partial matches (peak {formatCount(maxLive)})</span>
        <span className="legend legend-match">match</span>
        <span className="legend legend-timeout">timeout</span>
        <span className="legend legend-watermark">watermark lag</span>
        <span className="timeline-count">{caption}</span>
      </div>
    </div>
  );
}
