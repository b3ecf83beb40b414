// Just enough types for autocannon's programmatic API (the package ships none).
declare module "autocannon" {
  type Histogram = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total?: number;
    p50: number;
    p90: number;
    p99: number;
  };

  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    timeout?: number;
    headers?: Record<string, string>;
    warmup?: { connections?: number; duration?: number };
    requests?: Array<{ setupRequest?: (req: Request) => Request }>;
  };

  type Request = { method?: string; path: string; headers?: Record<string, string> };

  type Result = {
    url: string;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    resets: number;
    "2xx": number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Histogram;
    requests: Histogram & { sent: number };
    throughput: Histogram;
    warmup?: Result;
  };

  type Instance = PromiseLike<Result> & { on(event: string, listener: (...args: unknown[]) => void): void };

  function autocannon(options: Options): Instance;
  export = autocannon;
}
