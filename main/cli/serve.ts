// `npm run serve` entry.
import { userMessage } from '../model/errors';
import { serve } from './serve-command';

serve(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`gloss serve: ${userMessage(error)}`);
    process.exit(1);
  },
);
