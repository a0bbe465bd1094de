import { i18n } from '#i18n';
import { ConfirmDialog } from '@/components/ConfirmDialog';

/** The question before unsaved edits of a form are dropped: "Discard changes" or "Keep editing". */
export function DiscardDialog({ title, onDiscard, onKeep }: { title: string; onDiscard: () => void; onKeep: () => void }) {
  return (
    <ConfirmDialog
      title={title}
      confirm={i18n.t('options.editing.discard')}
      cancel={i18n.t('options.editing.keepEditing')}
      onConfirm={onDiscard}
      onCancel={onKeep}
    />
  );
}
