import { Module } from '@nestjs/common';
import { ViewChanges } from './view-changes';

/** One ViewChanges per process, shared by the projectors that signal and the readers that wait. */
@Module({
  providers: [ViewChanges],
  exports: [ViewChanges],
})
export class ViewChangesModule {}
