import { FeedError, type ParsedFeed } from '../model';

export function parseXmlFeed(_text: string, _documentUrl: string | null): ParsedFeed {
  throw new FeedError('RSS and Atom feeds are not read yet');
}
