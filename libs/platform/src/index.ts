export * from './lib/config/validate-environment';
export * from './lib/config/shared-environment';
export * from './lib/logging/logging.module';
export * from './lib/bootstrap';
