export function PageHeading({ caption, title, children }: { caption?: string; title: string; children?: React.ReactNode }) {
  return (
    <div className="mb-6">
      {caption && <p className="text-lg text-muted">{caption}</p>}
      <h1 className="text-3xl font-bold sm:text-4xl">{title}</h1>
      {children}
    </div>
  );
}
