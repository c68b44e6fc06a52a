/** Event handlers of chat messages. Chat is a list, not a document map: custom rules. */
import { VttError } from '../errors/vtt-error.js';
import type { ChatMessage } from '../model/documents.js';
import type { ViewEvent } from './event-types.js';
import { viewMessage } from '../views/visibility.js';
import { defineEventHandlers } from './event-handler.js';

/** Handlers of `core:message-posted` and `core:message-deleted`. Not undoable. */
export const CHAT_EVENTS = defineEventHandlers({
  'core:message-posted': {
    apply: ({ docs, payload, event }) => {
      const message: ChatMessage = {
        ...payload.message,
        seq: event.seq,
        author: payload.author ?? event.author,
        time: event.time,
      };
      const kept =
        docs.chat.length > 0 && docs.chat[0]!.seq < payload.dropBefore
          ? docs.chat.filter((m) => m.seq >= payload.dropBefore)
          : docs.chat;
      return { chat: [...kept, message] };
    },
    changes: () => [],
    check: ({ state, payload }) => {
      for (const userId of payload.message.whisper) {
        if (!state.members.has(userId)) {
          throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', { collection: 'members', id: userId });
        }
      }
      if (state.chat.some((m) => m.id === payload.message.id)) {
        throw new VttError('VTT_ERR_DOCUMENT_EXISTS', {
          collection: 'chat',
          id: payload.message.id,
        });
      }
    },
    permit: () => {}, // every member, observers included, may chat
    project: ({ before, member, payload, event }) => {
      const full: ChatMessage = {
        ...payload.message,
        seq: event.seq,
        author: payload.author ?? event.author,
        time: event.time,
      };
      const seen = viewMessage(full, member, before.campaign.visibility);
      if (seen !== undefined) {
        const { seq: _s, author: _a, time: _t, ...message } = seen;
        return [
          {
            ...event,
            type: 'core:message-posted',
            payload: {
              message,
              dropBefore: payload.dropBefore,
              ...(payload.author === undefined ? {} : { author: payload.author }),
            },
          },
        ];
      }
      const prunes = before.chat.some(
        (m) =>
          m.seq < payload.dropBefore &&
          viewMessage(m, member, before.campaign.visibility) !== undefined,
      );
      const pruned: ViewEvent = {
        ...event,
        type: 'core:chat-pruned',
        payload: { before: payload.dropBefore },
      };
      return prunes ? [pruned] : [];
    },
    undoable: false,
  },
  'core:message-deleted': {
    apply: ({ docs, payload }) => ({ chat: docs.chat.filter((m) => m.id !== payload.messageId) }),
    changes: () => [],
    check: ({ state, payload }) => {
      if (!state.chat.some((m) => m.id === payload.messageId)) {
        throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', {
          collection: 'chat',
          id: payload.messageId,
        });
      }
    },
    permit: ({ state, member, payload }) => {
      const message = state.chat.find((m) => m.id === payload.messageId)!;
      if (member.role === 'gm' || message.author === member.id) return;
      if (viewMessage(message, member, state.campaign.visibility) === undefined) {
        throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', {
          collection: 'chat',
          id: payload.messageId,
        });
      }
      throw new VttError('VTT_ERR_PERMISSION_NOT_OWNER', {
        collection: 'chat',
        id: payload.messageId,
      });
    },
    project: ({ before, member, payload, event }) => {
      const message = before.chat.find((m) => m.id === payload.messageId);
      if (
        message === undefined ||
        viewMessage(message, member, before.campaign.visibility) === undefined
      )
        return [];
      return [{ ...event, type: 'core:message-deleted', payload }];
    },
    undoable: false,
  },
});
