// `npm run serve` entry.
import { isAppError } from '../app/errors';
import { serve } from './serve-command';

serve(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`gloss serve: ${isAppError(error) ? error.message : String(error)}`);
    process.exit(1);
  },
);
