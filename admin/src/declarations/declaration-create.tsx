// Filling in a declaration: saved as a draft or submitted at once; then its page.
import { Create } from 'react-admin';
import { DeclarationForm } from './declaration-form';

export default function DeclarationCreate() {
  return (
    <Create redirect="show">
      <DeclarationForm submitLabel="declarations.form.submit_now" />
    </Create>
  );
}
