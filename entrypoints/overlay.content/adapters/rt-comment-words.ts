/**
 * What RT's ticket history prints for an internal comment, in each UI language: msgid "Comments added"
 * (RT::Transaction's BriefDescription for Comment; its only form, Correspond being "Correspondence
 * added") and its translations in RT 5.0.3's po files (en, en_GB: untranslated). Regenerate with
 *
 *   for f in /usr/share/request-tracker5/po/*.po; do s=$(grep -A1 '^msgid "Comments added"$' "$f" | sed -n 's/^msgstr "\(.*\)"$/\1/p'); [ -n "$s" ] && printf "  %s: '%s',\n" "$(basename "$f" .po)" "$s"; done
 *
 * (ro's "Aomentariile" is RT's own typo, kept: it is what RT prints.)
 */
const DESCRIPTIONS: Record<string, string> = {
  en: 'Comments added',
  ar: 'تم إضافة التعليقات',
  bg: 'Коментарите добавени',
  ca: 'Comentaris afegits',
  cs: 'Komentáře přidány',
  da: 'Kommentarer tilføjet',
  de: 'Kommentar hinzugefügt',
  el: 'Τα Σχόλια προστέθηκαν',
  es: 'Comentarios añadidos',
  et: 'Lisati kommentaar',
  eu: 'Iruzkinak gehituta',
  fa: 'توضیحات اضافه شد',
  fi: 'Kommentti lisätty',
  fr: 'Commentaires ajoutés',
  hr: 'Komentar dodan',
  hu: 'Megjegyzés hozzáadva',
  id: 'Komentar sudah ditambahkan',
  is: 'Athugasemd bætt við',
  it: 'Aggiunti commenti',
  ja: 'コメントが追加されました',
  lt: 'Komentarai pridėti',
  lv: 'Piezīmes pievienotas',
  nb: 'La til kommentarer',
  nl: 'Commentaar toegevoegd',
  nn: 'La til kommentarar',
  pl: 'Komentarze zostały dodane',
  pt: 'Comentários adicionados',
  pt_BR: 'Comentários adicionados',
  pt_PT: 'Comentários adicionados',
  ro: 'Aomentariile au fost adăugate',
  ru: 'Добавлен комментарий',
  sk: 'Komentáre pridané',
  sl: 'Komentarji so bili dodani',
  sr: 'Коментари су додати',
  sv: 'Kommentarer tillagda',
  tr: 'Yorumlar eklendi',
  zh_CN: '创建注释完成',
  zh_TW: '新增評論完畢',
};

/** Any of them anywhere in a description (readValue has collapsed its whitespace), built once. */
export const RT_COMMENT_DESCRIPTION = new RegExp(
  Object.values(DESCRIPTIONS)
    .map((words) => words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'iu',
);
