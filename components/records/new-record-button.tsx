"use client";

import { Plus } from "lucide-react";
import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { DeclaredField } from "@/lib/universal/fields";

// The form, its fields and its mutations load on first click: the records page's first load stays lean.
const NewRecordDialog = dynamic(() => import("./new-record-dialog").then((m) => m.NewRecordDialog), { ssr: false });

/** The "New lead / contact / deal" button and, while open, its dialog; focus returns here on close. */
export function NewRecordButton({
  entity,
  fields,
}: {
  entity: { slug: string; name: string };
  fields: DeclaredField[];
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const noun = entity.name.replace(/s$/, "").toLowerCase();
  return (
    <>
      <Button ref={button} aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(true)}>
        <Plus className="size-4" aria-hidden /> New {noun}
      </Button>
      {open && (
        <NewRecordDialog
          entity={entity}
          fields={fields}
          onClose={() => {
            setOpen(false);
            requestAnimationFrame(() => button.current?.focus());
          }}
        />
      )}
    </>
  );
}
