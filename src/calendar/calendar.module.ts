import { DynamicModule, Global, Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';
import { DeadlineRuleCatalogue } from './deadline-catalogue';
import { publishRuleIds } from './dto/calendar.dto';

@Global()
@Module({})
export class CalendarModule {
  /**
   * The calendar with the statutory rules the proceedings contribute (assembled at the composition root,
   * src/deadline-rules.ts): the catalogue is injected into CalendarService, the controller and DeadlinesService,
   * and its ids become the calendar API's rule enum.
   */
  static forRoot(rules: DeadlineRuleCatalogue): DynamicModule {
    publishRuleIds(rules.ids());
    return {
      module: CalendarModule,
      controllers: [CalendarController],
      providers: [CalendarService, CalendarRepository, { provide: DeadlineRuleCatalogue, useValue: rules }],
      exports: [CalendarService, DeadlineRuleCatalogue],
    };
  }
}
