/** The popup's and options page's requests about the corpus: what it holds, and the reader's changes to it. */
import type { ArticleSummary, CorpusView, LearnOutcome, PackSummary, Request, ResponseMap } from '../shared/messages';
import type { CorpusService } from './corpus-service';

type CorpusRequest = Extract<
  Request,
  {
    type:
      'corpus' | 'articles' | 'packs' | 'add-article' | 'forget' | 'forget-all' | 'import-pack' | 'remove-pack' | 'restore' | 'export-pack';
  }
>;

export function isCorpusRequest(request: Request): request is CorpusRequest {
  return [
    'corpus',
    'articles',
    'packs',
    'add-article',
    'forget',
    'forget-all',
    'import-pack',
    'remove-pack',
    'restore',
    'export-pack',
  ].includes(request.type);
}

export async function answerCorpusRequest(corpus: CorpusService, request: CorpusRequest): Promise<ResponseMap[CorpusRequest['type']]> {
  switch (request.type) {
    case 'corpus': {
      const active = await corpus.current();
      return { pack: active.pack, counts: active.counts, error: active.error?.message ?? null } satisfies CorpusView;
    }
    case 'articles':
      return (await corpus.articles()).map((a): ArticleSummary => ({
        id: a.id,
        origin: a.origin,
        outlet: a.document.outlet,
        title: a.document.title,
        url: a.document.url,
        published: a.document.published,
        read: a.read,
        words: a.words,
      }));
    case 'packs':
      return (await corpus.packs()).map((p): PackSummary => ({
        id: p.id,
        documents: p.pack.documents.length,
        groups: p.pack.groups.length,
        imported: p.imported,
      }));
    case 'add-article':
      return corpus.keep(request.article, 'added') satisfies Promise<LearnOutcome>;
    case 'forget':
      return corpus.forget(request.ids);
    case 'forget-all':
      await corpus.forgetAll();
      return true;
    case 'import-pack':
      return corpus.importPack(request.pack);
    case 'remove-pack':
      return corpus.removePack(request.id);
    case 'restore':
      await corpus.restore(request.removed);
      return true;
    case 'export-pack':
      return corpus.exportPack();
  }
}
