import cluster from "node:cluster";
import { AggregatorRegistry, type Registry } from "prom-client";

// With several workers (lib/ops/workers.ts) each counts only its own requests, so the worker a
// scraper reaches asks the primary, which gathers every worker's metrics through prom-client's
// cluster aggregation (sums for counters and histograms, each metric's own rule otherwise).
const REQUEST = "crm:cluster-metrics";
const ANSWER = "crm:cluster-metrics:answer";
const TIMEOUT_MS = 6_000; // prom-client gives up on a silent worker after 5 s

interface Answer {
  type: typeof ANSWER;
  id: number;
  text?: string;
  error?: string;
}

/** In a worker: lets the primary read this process's registry (prom-client answers its requests). */
export function shareWithPrimary(registry: Registry): void {
  if (!cluster.isWorker) return;
  AggregatorRegistry.setRegistries([registry]);
  new AggregatorRegistry(); // installs the worker's answering listener
}

/** In the primary: answers each worker's request for the whole cluster's metrics. */
export function answerClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on("message", (worker, message: { type?: string; id?: number }) => {
    if (message?.type !== REQUEST) return;
    const reply = (answer: Omit<Answer, "type" | "id">) => worker.send({ type: ANSWER, id: message.id, ...answer });
    aggregator.clusterMetrics().then(
      (text) => reply({ text }),
      (error: Error) => reply({ error: error.message }),
    );
  });
}

let nextId = 0;

/** Every worker's metrics, aggregated, in Prometheus text; null when this process is not a worker. */
export function clusterMetricsText(): Promise<string | null> {
  if (!cluster.isWorker || !process.send) return Promise.resolve(null);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const done = (settle: () => void) => {
      clearTimeout(timer);
      process.off("message", onMessage);
      settle();
    };
    const onMessage = (message: Answer) => {
      if (message?.type !== ANSWER || message.id !== id) return;
      done(() => (message.error !== undefined ? reject(new Error(message.error)) : resolve(message.text ?? "")));
    };
    const timer = setTimeout(() => done(() => reject(new Error("the primary did not answer"))), TIMEOUT_MS);
    process.on("message", onMessage);
    process.send!({ type: REQUEST, id });
  });
}
