/**
 * 培训: the list of trainings, or one training when the URL says `?id=`. One route with the
 * training and the section in the query string (`?id=1&tab=organiser`), so a link to the
 * chase list of a training can be bookmarked or sent to a colleague.
 */
import { useLocation } from 'preact-iso/router';
import './trainings.css';
import { TrainingDetailPage } from './TrainingDetail';
import { TrainingListPage } from './TrainingList';

export default function TrainingsPage() {
  const { query } = useLocation();
  const id = Number(query.id);
  return Number.isInteger(id) && id > 0 ? <TrainingDetailPage id={id} /> : <TrainingListPage />;
}
