/** A system with Shadowrun-style initiative passes: 20 + 1d6, -10 per pass. */
import { defineModule } from '@vtt/sdk';

export default defineModule({
  id: 'passes',
  initiative: {
    passStep: 10,
    roll: (ctx) => 20 + ctx.dice.roll('1d6').total,
  },
});
