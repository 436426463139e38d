// A small Prometheus text-format registry: request counts and latency histograms per route.
export interface Metrics {
  observe(method: string, route: string, status: number, seconds: number): void;
  /** Adds one to a counter with labels (for example federation inbox rejections by reason); returns the new count. */
  count(name: string, help: string, labels: Record<string, string>): number;
  render(extra?: Record<string, number>): string;
}

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(): Metrics {
  const counts = new Map<string, number>();
  const hist = new Map<string, { buckets: number[]; sum: number; count: number }>();
  const counters = new Map<string, { help: string; values: Map<string, number> }>();
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  return {
    observe(method, route, status, seconds) {
      const key = `method="${esc(method)}",route="${esc(route)}",status="${status}"`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const hkey = `method="${esc(method)}",route="${esc(route)}"`;
      let h = hist.get(hkey);
      if (!h) {
        h = { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
        hist.set(hkey, h);
      }
      for (const [i, b] of BUCKETS.entries()) if (seconds <= b) h.buckets[i]! += 1;
      h.sum += seconds;
      h.count += 1;
    },
    count(name, help, labels) {
      let c = counters.get(name);
      if (!c) {
        c = { help, values: new Map() };
        counters.set(name, c);
      }
      const key = Object.entries(labels)
        .map(([k, v]) => `${k}="${esc(v)}"`)
        .join(',');
      const n = (c.values.get(key) ?? 0) + 1;
      c.values.set(key, n);
      return n;
    },
    render(extra = {}) {
      const lines: string[] = [];
      for (const [name, c] of counters) {
        lines.push(`# HELP ${name} ${c.help}`);
        lines.push(`# TYPE ${name} counter`);
        for (const [k, v] of c.values) lines.push(`${name}{${k}} ${v}`);
      }
      lines.push('# HELP comity_http_requests_total HTTP requests by route and status.');
      lines.push('# TYPE comity_http_requests_total counter');
      for (const [k, v] of counts) lines.push(`comity_http_requests_total{${k}} ${v}`);
      lines.push('# HELP comity_http_request_duration_seconds HTTP request latency.');
      lines.push('# TYPE comity_http_request_duration_seconds histogram');
      for (const [k, h] of hist) {
        for (const [i, b] of BUCKETS.entries()) lines.push(`comity_http_request_duration_seconds_bucket{${k},le="${b}"} ${h.buckets[i]}`);
        lines.push(`comity_http_request_duration_seconds_bucket{${k},le="+Inf"} ${h.count}`);
        lines.push(`comity_http_request_duration_seconds_sum{${k}} ${h.sum}`);
        lines.push(`comity_http_request_duration_seconds_count{${k}} ${h.count}`);
      }
      for (const [name, value] of Object.entries(extra)) {
        lines.push(`# TYPE ${name} gauge`);
        lines.push(`${name} ${value}`);
      }
      lines.push('# TYPE process_resident_memory_bytes gauge');
      lines.push(`process_resident_memory_bytes ${process.memoryUsage().rss}`);
      lines.push('# TYPE process_uptime_seconds gauge');
      lines.push(`process_uptime_seconds ${process.uptime()}`);
      return `${lines.join('\n')}\n`;
    },
  };
}
