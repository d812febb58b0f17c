export interface MongoOptions {
  /** `mongodb://host:port` (MongoDB, or FerretDB in the local stack) */
  url: string;
  database: string;
}
