/**
 * The staff API of trainings and their evaluations, mounted at /api/trainings. Each file
 * holds one resource; chained here so `typeof trainingRoutes` carries every route's types
 * to the dashboard's RPC client.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { courseRoutes } from './courses';
import { enrolmentRoutes } from './enrolments';
import { questionnaireRoutes } from './questionnaire';
import { resultRoutes } from './results';
import { reminderRoutes } from './reminder-routes';
import { slipRoutes } from './slips';
import { trainingCoreRoutes } from './trainings';

export const trainingRoutes = new Hono<AppEnv>()
  .route('/', trainingCoreRoutes)
  .route('/', courseRoutes)
  .route('/', enrolmentRoutes)
  .route('/', questionnaireRoutes)
  .route('/', resultRoutes)
  .route('/', slipRoutes)
  .route('/', reminderRoutes);

export { checkinPages, evaluationPages } from './public';
