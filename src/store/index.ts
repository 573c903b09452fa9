import { AlertsRepo } from './alerts-repo.js';
import { ArticlesRepo } from './articles-repo.js';
import { ComparisonsRepo } from './comparisons-repo.js';
import { DeliveriesRepo } from './deliveries-repo.js';
import { openDatabase, type DatabaseOptions, type DatabaseTarget, type OpenDatabase } from './database.js';
import { EventsRepo } from './events-repo.js';
import { FeedsRepo } from './feeds-repo.js';
import { SearchRepo } from './search-repo.js';

/** The store: every repository over one database. The only way the rest of Parallax touches SQL. */
export interface Store {
  feeds: FeedsRepo;
  articles: ArticlesRepo;
  events: EventsRepo;
  comparisons: ComparisonsRepo;
  deliveries: DeliveriesRepo;
  alerts: AlertsRepo;
  search: SearchRepo;
  database: OpenDatabase;
  close(): Promise<void>;
}

export async function openStore(target: DatabaseTarget, options: DatabaseOptions = {}): Promise<Store> {
  const database = await openDatabase(target, options);
  const deliveries = new DeliveriesRepo(database.db);
  return {
    feeds: new FeedsRepo(database.db),
    articles: new ArticlesRepo(database.db),
    events: new EventsRepo(database.db),
    comparisons: new ComparisonsRepo(database.db),
    deliveries,
    alerts: new AlertsRepo(database.db, deliveries),
    search: new SearchRepo(database.db),
    database,
    close: () => database.close(),
  };
}

export { articleId } from './articles-repo.js';
export { articleView, type ArticleView } from './article-view.js';
export { feedView, type FeedView } from './feed-view.js';
export { eventView } from './event-view.js';
export type { EventView } from '../model/event-view.js';
export type { EventListFilter, EventSummary, EventSummaryPage } from './event-summary-view.js';
export { deliveryView, type DeliveryView } from './delivery-view.js';
export type { AttemptRecord } from './deliveries-repo.js';
export { AssignmentConflictError, type AssignableArticle, type AssignmentWrite, type EventSnapshotWrite, type EventWrite } from './events-repo.js';
export type { ComparisonSnapshot, ComparisonWrite, StoredComparison } from './comparisons-repo.js';
export { alertView, type AlertView } from './alert-view.js';
export { AlertStateConflictError, type AlertListFilter, type StoredRuleState } from './alerts-repo.js';
export type { ArticleMatch, EventMatch, SearchTotal } from './search-repo.js';
export { databaseTarget, describeTarget, type DatabaseOptions, type DatabaseTarget } from './database.js';
