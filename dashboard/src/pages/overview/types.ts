/** The overview's data, typed from the Worker's route through Hono's RPC client. */
import type { InferResponseType } from 'hono/client';
import type { client } from '../../api';

export type OverviewData = InferResponseType<typeof client.api.stats.overview.$get, 200>;
export type TownshipRow = OverviewData['rows'][number];
export type Figures = OverviewData['total'];
export type StateCounts = Figures['resolution']['states'];
export type RankingData = OverviewData['rankings']['resolutionRate'];
