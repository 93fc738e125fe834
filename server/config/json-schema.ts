// The JSON Schema of the hall config, from the same zod definition that validates it.
import { z } from 'zod';
import { hallConfigSchema } from './schema';

export function hallConfigJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(hallConfigSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Hall config (政务服务大厅排队叫号系统)',
  };
}
