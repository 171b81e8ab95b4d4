import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CursorQuery } from './pagination';

export const ASSIGNEE_FILTERS = ['me'] as const;
export type AssigneeFilter = (typeof ASSIGNEE_FILTERS)[number];

/** A staff work-queue list: cursor paging and "my cases" (`?assignee=me`: the cases assigned to the caller). */
export class AssigneeCursorQuery extends CursorQuery {
  @ApiPropertyOptional({
    enum: ASSIGNEE_FILTERS,
    description: 'me: only the cases assigned to the caller (my work queue)',
  })
  @IsOptional()
  @IsIn(ASSIGNEE_FILTERS)
  assignee?: AssigneeFilter;
}
