/**
 * Reads a multipart upload: its one file streamed to a temp file in the
 * blob store while it is hashed (never buffered whole; @fastify/multipart's
 * `fileSize` limit cuts it off at the cap), and its text fields.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { VttError } from '@vtt/core';
import type { FastifyRequest } from 'fastify';
import { SNIFF_BYTES } from './image-type.js';

/** An upload on disk, not yet checked. */
export interface ReceivedUpload {
  /** The temp file holding the bytes; the caller adopts or removes it. */
  readonly temp: string;
  readonly sha256: string;
  readonly bytes: number;
  /** The first bytes, for the type check. */
  readonly head: Buffer;
  /** As the client named it (not trusted). */
  readonly fileName: string;
  /** As the client declared it (not trusted). */
  readonly contentType: string;
  /** The text fields, by name. */
  readonly fields: Readonly<Record<string, string>>;
}

/** `1 MiB`, `25 MiB`, `512 KiB`: a byte count for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/** The error for an upload over `max` bytes. */
export function tooLarge(max: number): VttError {
  return new VttError('VTT_ERR_ASSET_TOO_LARGE', { limit: formatBytes(max), max });
}

function fromMultipart(error: unknown, maxBytes: number): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(maxBytes);
  if (code === 'FST_FILES_LIMIT') {
    return new VttError('VTT_ERR_HTTP_INVALID', { pointer: 'body', problem: 'send one file only' });
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return new VttError('VTT_ERR_HTTP_INVALID', {
      pointer: 'body',
      problem: 'an upload is sent as multipart/form-data',
    });
  }
  if (code !== undefined && code.startsWith('FST_')) {
    return new VttError('VTT_ERR_HTTP_INVALID', {
      pointer: 'body',
      problem: (error as Error).message,
    });
  }
  return error;
}

/**
 * Streams the request's one file part into `temp` and collects its fields.
 *
 * @throws VttError `VTT_ERR_ASSET_TOO_LARGE` past `maxBytes`,
 * `VTT_ERR_ASSET_NO_FILE`, `VTT_ERR_HTTP_INVALID` for a malformed body.
 * @example
 * const upload = await receiveUpload(request, store.tempPath(), config.maxUploadBytes);
 */
export async function receiveUpload(
  request: FastifyRequest,
  temp: string,
  maxBytes: number,
): Promise<ReceivedUpload> {
  const fields: Record<string, string> = {};
  let file: Omit<ReceivedUpload, 'fields' | 'temp'> | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      const hash = createHash('sha256');
      const head: Buffer[] = [];
      let bytes = 0;
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          if (bytes < SNIFF_BYTES) head.push(chunk.subarray(0, SNIFF_BYTES - bytes));
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      await pipeline(part.file, tap, createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
      if (part.file.truncated) throw tooLarge(maxBytes);
      file = {
        sha256: hash.digest('hex'),
        bytes,
        head: Buffer.concat(head),
        fileName: part.filename,
        contentType: part.mimetype,
      };
    }
  } catch (error) {
    await rm(temp, { force: true });
    throw fromMultipart(error, maxBytes);
  }
  if (file === null) throw new VttError('VTT_ERR_ASSET_NO_FILE');
  return { ...file, temp, fields };
}
