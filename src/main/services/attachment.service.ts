import type { ChannelOutput } from '../../shared/ipc/contract';
import { findAttachment } from '../db/repositories/attachment.repository';
import type { ServiceContext } from './context';
import { notFound } from './errors';

/** An attachment's bytes for preview and save-as. */
export async function getAttachment(ctx: ServiceContext, id: number): Promise<ChannelOutput<'attachments:get'>> {
  const row = await findAttachment(ctx.store.db, id);
  if (!row) throw notFound(`Attachment ${id}`);
  return {
    id: row.id,
    fileName: row.file_name ?? `bilaga-${row.id}`,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
    base64: Buffer.from(row.content).toString('base64'),
  };
}
