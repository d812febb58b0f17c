export interface PostgresOptions {
  /** `postgres://user:password@host:port/database` */
  url: string;
  /** Connection pool size per process. */
  poolSize?: number;
  /** Name shown in `pg_stat_activity`, so operators can tell processes apart. */
  applicationName?: string;
}
