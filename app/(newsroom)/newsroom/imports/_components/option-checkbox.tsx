// A checkbox the import asks about (private images at the upload, staff
// accounts at the start): its label and a hint under it. No hooks: the upload
// form (client) and the run's report (server) both use it.
export function OptionCheckbox({ name, label, hint, className = '' }: { name: string; label: string; hint: string; className?: string }) {
  return (
    <label className={`flex items-start gap-2 ${className}`}>
      <input type="checkbox" name={name} value="on" className="mt-1 size-4 accent-accent" />
      <span>
        {label}
        <span className="block text-sm text-muted">{hint}</span>
      </span>
    </label>
  );
}
