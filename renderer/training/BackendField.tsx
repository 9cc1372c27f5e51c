import { useId } from 'react';
import { useEditor } from '../store/editorStore.js';
import { editRecipe } from './recipeEdits.js';
import { useTraining } from './trainingStore.js';

/** Which backend trains: the ladder's pick (and why), or one the user names. */
export function BackendField() {
  const id = useId();
  const backends = useTraining((s) => s.backends);
  const backend = useEditor((s) => s.doc.recipe?.backend);
  const picked = backends?.picked;
  return (
    <div className="setup-field">
      <label htmlFor={id}>Backend</label>
      <select
        id={id}
        value={backend ?? ''}
        onChange={(e) => editRecipe('Change backend', { backend: e.target.value || undefined })}
      >
        <option value="">Best available{picked ? ` (${picked})` : ''}</option>
        {backends?.available.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      {backends && (
        <p className="setup-note muted" data-testid="backend-reason">
          {picked ? `The ladder picks ${picked}: ${backends.detail}.` : backends.detail}
          {backends.skipped.map((s) => ` Passed over ${s.name}: ${s.reason}.`).join('')}
        </p>
      )}
    </div>
  );
}
