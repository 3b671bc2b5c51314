import type { Channel } from './channels';
import type { ChannelInput, ChannelOutput } from './contract';
import type { Result } from './result';

/** What the renderer sees as `window.api`, whichever transport built it. */
export type OmbudApi = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
};
