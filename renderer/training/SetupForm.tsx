import { useId } from 'react';
import { builtInDatasets } from '../../shared/datasets/catalogue.js';
import { formatShape } from '../../shared/layers/shape.js';
import { TASKS } from '../../shared/project/recipe.js';
import {
  OPTIMIZERS,
  scheduleSchema,
  trainingSettingsSchema,
} from '../../shared/training/settings.js';
import type {
  AugmentationSettings,
  ScheduleSettings,
  TrainingSettings,
} from '../../shared/training/settings.js';
import { NumberBox } from '../inspector/NumberBox.js';
import { useEditor } from '../store/editorStore.js';
import { trainableDatasets } from '../data/projectDatasets.js';
import { BackendField } from './BackendField.js';
import { datasetFitProblems, editRecipe } from './recipeEdits.js';
import { useTraining } from './trainingStore.js';

type NumberSetting = 'batchSize' | 'epochs' | 'validationSplit';
const SCHEDULES = ['constant', 'step', 'exponential', 'cosine'] as const;

function Field({ label, children }: { label: string; children: (id: string) => React.ReactNode }) {
  const id = useId();
  return (
    <div className="setup-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

/** A number setting, checked against the settings schema before it reaches the recipe. */
function SettingNumber({
  field,
  label,
  value,
}: {
  field: NumberSetting;
  label: string;
  value: number;
}) {
  const schema = trainingSettingsSchema.shape[field];
  return (
    <Field label={label}>
      {(id) => (
        <NumberBox
          id={id}
          label={label}
          value={value}
          integer={field !== 'validationSplit'}
          invalid={!schema.safeParse(value).success}
          onChange={(next) => {
            if (next !== null && schema.safeParse(next).success) {
              editRecipe(
                `Change ${label.toLowerCase()}`,
                { [field]: next } as Partial<TrainingSettings>,
                field,
              );
            }
          }}
        />
      )}
    </Field>
  );
}

/** The training recipe of the project, edited through the document store (undoable, saved with it). */
export function SetupForm() {
  const doc = useEditor((s) => s.doc);
  const builtIn = useTraining((s) => (s.datasets.length > 0 ? s.datasets : builtInDatasets));
  const declared = trainableDatasets(doc).filter(
    (d) => d.source !== 'bundled' && d.source !== 'synthetic',
  );
  const datasets = [...declared, ...builtIn.filter((b) => !declared.some((d) => d.id === b.id))];
  const recipe = doc.recipe;
  const batchesPerEpoch = recipe?.batchesPerEpoch ?? null;
  if (!recipe) return <p className="empty-note">This project has no training recipe.</p>;
  const dataset = datasets.find((d) => d.id === recipe.dataset);
  const problems = datasetFitProblems(doc);
  const lrSchema = trainingSettingsSchema.shape.optimizer.unwrap().shape.learningRate;

  return (
    <form className="setup-form" aria-label="Training setup" onSubmit={(e) => e.preventDefault()}>
      <Field label="Task">
        {(id) => (
          <select
            id={id}
            value={recipe.task}
            onChange={(e) => {
              const task = e.target.value as (typeof TASKS)[number];
              const discriminator =
                task === 'gan'
                  ? (recipe.discriminator ??
                    doc.models.find((m) => m.id !== recipe.model)?.id ??
                    recipe.model)
                  : undefined;
              editRecipe('Change task', { task, discriminator });
            }}
          >
            {TASKS.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={recipe.task === 'gan' ? 'Generator' : 'Model'}>
        {(id) => (
          <select
            id={id}
            value={recipe.model}
            onChange={(e) => editRecipe('Change trained model', { model: e.target.value })}
          >
            {doc.models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {recipe.task === 'gan' && (
        <Field label="Discriminator">
          {(id) => (
            <select
              id={id}
              value={recipe.discriminator}
              onChange={(e) =>
                editRecipe('Change discriminator', { discriminator: e.target.value })
              }
            >
              {doc.models.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label="Dataset">
        {(id) => (
          <select
            id={id}
            value={recipe.dataset}
            data-testid="dataset-select"
            onChange={(e) => editRecipe('Change dataset', { dataset: e.target.value })}
          >
            {!dataset && <option value={recipe.dataset}>{recipe.dataset} (imported)</option>}
            {datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {dataset && (
        <p className="setup-note muted">
          Examples {formatShape(dataset.inputShape)} {dataset.inputDtype}. {dataset.docs}
        </p>
      )}
      {problems.length > 0 && (
        <ul className="setup-problems" role="alert" data-testid="dataset-mismatch">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <Field label="Optimizer">
        {(id) => (
          <select
            id={id}
            value={recipe.optimizer.name}
            onChange={(e) =>
              editRecipe('Change optimizer', {
                optimizer: {
                  ...recipe.optimizer,
                  name: e.target.value as (typeof OPTIMIZERS)[number],
                },
              })
            }
          >
            {OPTIMIZERS.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Learning rate">
        {(id) => (
          <NumberBox
            id={id}
            label="Learning rate"
            value={recipe.optimizer.learningRate}
            integer={false}
            invalid={!lrSchema.safeParse(recipe.optimizer.learningRate).success}
            onChange={(next) => {
              if (next !== null && lrSchema.safeParse(next).success) {
                editRecipe('Change learning rate', {
                  optimizer: { ...recipe.optimizer, learningRate: next },
                });
              }
            }}
          />
        )}
      </Field>
      <Field label="Schedule">
        {(id) => (
          <select
            id={id}
            value={recipe.schedule.kind}
            onChange={(e) => {
              const schedule: ScheduleSettings = scheduleSchema.parse({
                kind: e.target.value,
                warmupSteps: recipe.schedule.warmupSteps,
              });
              editRecipe('Change schedule', { schedule });
            }}
          >
            {SCHEDULES.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SettingNumber field="batchSize" label="Batch size" value={recipe.batchSize} />
      <SettingNumber field="epochs" label="Epochs" value={recipe.epochs} />
      <SettingNumber
        field="validationSplit"
        label="Validation split"
        value={recipe.validationSplit}
      />
      <Field label="Early stopping">
        {(id) => (
          <span className="setup-inline">
            <input
              id={id}
              type="checkbox"
              checked={recipe.earlyStopping.enabled}
              onChange={(e) =>
                editRecipe('Change early stopping', {
                  earlyStopping: { ...recipe.earlyStopping, enabled: e.target.checked },
                })
              }
            />
            {recipe.earlyStopping.enabled && (
              <>
                patience
                <NumberBox
                  label="Patience"
                  value={recipe.earlyStopping.patience}
                  integer
                  min={1}
                  invalid={recipe.earlyStopping.patience < 1}
                  onChange={(next) => {
                    if (next !== null && Number.isInteger(next) && next >= 1) {
                      editRecipe('Change patience', {
                        earlyStopping: { ...recipe.earlyStopping, patience: next },
                      });
                    }
                  }}
                />
              </>
            )}
          </span>
        )}
      </Field>
      {dataset?.inputShape.length === 3 && <AugmentationField augmentation={recipe.augmentation} />}
      <BackendField />
      <Field label="Batches per epoch">
        {(id) => (
          <NumberBox
            id={id}
            label="Batches per epoch"
            value={batchesPerEpoch}
            integer
            min={1}
            invalid={batchesPerEpoch !== null && !(batchesPerEpoch >= 1)}
            onChange={(next) =>
              editRecipe('Change batches per epoch', {
                batchesPerEpoch:
                  next !== null && Number.isInteger(next) && next >= 1 ? next : undefined,
              })
            }
          />
        )}
      </Field>
      <p className="setup-note muted">
        Empty trains whole epochs; a number takes a quick look at a slice.
      </p>
    </form>
  );
}

/** Random flips, shifts and rotations of training images; shown for image datasets only. */
function AugmentationField({ augmentation }: { augmentation: AugmentationSettings }) {
  const change = (label: string, next: Partial<typeof augmentation>) =>
    editRecipe(label, { augmentation: { ...augmentation, ...next } });
  return (
    <Field label="Augmentation">
      {(id) => (
        <span className="setup-inline">
          <input
            id={id}
            type="checkbox"
            checked={augmentation.flip}
            onChange={(e) => change('Change flipping', { flip: e.target.checked })}
          />
          flip, shift
          <NumberBox
            label="Shift in pixels"
            value={augmentation.shift}
            integer
            min={0}
            max={8}
            invalid={!(augmentation.shift >= 0 && augmentation.shift <= 8)}
            onChange={(next) => {
              if (next !== null && Number.isInteger(next) && next >= 0 && next <= 8) {
                change('Change shift', { shift: next });
              }
            }}
          />
          px, rotate
          <NumberBox
            label="Rotation in degrees"
            value={augmentation.rotate}
            integer={false}
            min={0}
            max={30}
            invalid={!(augmentation.rotate >= 0 && augmentation.rotate <= 30)}
            onChange={(next) => {
              if (next !== null && next >= 0 && next <= 30)
                change('Change rotation', { rotate: next });
            }}
          />
          °
        </span>
      )}
    </Field>
  );
}
