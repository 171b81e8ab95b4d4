import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { trim } from '../../common/validation/transforms';

/** Free text of an inspection document: trimmed, 2..max characters. */
export const Text = (max: number) =>
  applyDecorators(Transform(trim), IsString(), MinLength(2), MaxLength(max));
