/** Rewrites static/help.html from scripts/help-page.ts (run after changing a rule's declaration). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { helpHtml } from './help-page';

writeFileSync(join(__dirname, '..', 'static', 'help.html'), helpHtml());
