// Drawing a spot check: year, percentage, a seed (random by default; the same
// seed over the same scope draws the same sample) and optionally departments.
import { useEffect, useState } from 'react';
import { CheckboxGroupInput, Create, maxValue, minValue, NumberInput, required, SimpleForm, TextInput, regex } from 'react-admin';
import { loadDepartments } from './data';

function randomSeed(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `sc-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export default function SpotCheckCreate() {
  const [departments, setDepartments] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    loadDepartments().then(setDepartments, () => setDepartments([]));
  }, []);
  const defaults = { year: new Date().getFullYear(), percentage: 5, seed: randomSeed() };
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={defaults}>
        <NumberInput source="year" validate={[required(), minValue(1990), maxValue(2100)]} />
        <NumberInput source="percentage" validate={[required(), minValue(0.01), maxValue(100)]} helperText="resources.spotChecks.percentage_hint" />
        <TextInput source="seed" validate={[required(), regex(/^[A-Za-z0-9_-]{1,64}$/, 'resources.spotChecks.seed_invalid')]} helperText="resources.spotChecks.seed_hint" />
        {departments.length > 0 && <CheckboxGroupInput source="departmentIds" choices={departments} helperText="resources.spotChecks.departments_hint" />}
      </SimpleForm>
    </Create>
  );
}
