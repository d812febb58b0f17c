export * from './lib/currency';
export * from './lib/minor-units';
export * from './lib/money-string';
