export const MONGO_CLIENT = Symbol('MONGO_CLIENT');
/** The views database (`Db`). */
export const MONGO_DATABASE = Symbol('MONGO_DATABASE');
