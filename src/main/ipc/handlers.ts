import type { Channel } from '../../shared/ipc/channels';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import { storeInfo } from '../services/app.service';
import { getCase, listCases } from '../services/case.service';
import type { ServiceContext } from '../services/context';

export type Handler<C extends Channel> = (ctx: ServiceContext, input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>>;
export type HandlerTable = { [C in Channel]: Handler<C> };

/** One handler per channel. Handlers only route: rules live in the services. */
export const handlers: HandlerTable = {
  'app:info': (ctx) => storeInfo(ctx),
  'session:get': async (ctx) => ({ id: ctx.user.id, name: ctx.user.name, role: ctx.user.role }),
  'cases:list': (ctx, input) => listCases(ctx, input),
  'cases:get': (ctx, input) => getCase(ctx, input.id),
};
