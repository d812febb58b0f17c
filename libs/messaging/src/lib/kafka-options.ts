export interface KafkaOptions {
  brokers: string[];
  clientId: string;
  /** Partitions for topics this process creates when they are absent. */
  defaultPartitions?: number;
}

/** `"a:9092, b:9092"` → `['a:9092', 'b:9092']` */
export function parseBrokers(list: string): string[] {
  return list
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
}
