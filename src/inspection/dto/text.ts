import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Free text of an inspection document: trimmed, 2..max characters. */
export const Text = (max: number) =>
  applyDecorators(Transform(trim), IsString(), MinLength(2), MaxLength(max));
