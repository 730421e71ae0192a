<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="id_ID">
<context>
    <name>CaseCommands</name>
    <message>
        <location filename="../commands/cases.py" line="19" />
        <source>New case</source>
        <translation>Kasus baru</translation>
    </message>
    <message>
        <location filename="../commands/cases.py" line="47" />
        <source>Set attribute</source>
        <translation>Isi atribut</translation>
    </message>
    <message>
        <location filename="../commands/cases.py" line="76" />
        <source>Assign to case</source>
        <translation>Tautkan ke kasus</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../dialogs/cases.py" line="66" />
        <source>Case</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="68" />
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
</context>
<context>
    <name>CasesDialog</name>
    <message>
        <location filename="../dialogs/cases.py" line="98" />
        <source>Cases and attributes</source>
        <translation>Kasus dan atribut</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="113" />
        <source>New case</source>
        <translation>Kasus baru</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="116" />
        <source>Name, e.g. the informant's name</source>
        <translation>Nama, mis. nama informan</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="118" />
        <source>Alias, e.g. Informan 3</source>
        <translation>Alias, mis. Informan 3</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="119" />
        <source>Create case</source>
        <translation>Buat kasus</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="127" />
        <source>Attribute of the selected case</source>
        <translation>Atribut kasus yang dipilih</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="134" />
        <source>text</source>
        <translation>teks</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="135" />
        <source>number</source>
        <translation>angka</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="136" />
        <source>date (YYYY-MM-DD)</source>
        <translation>tanggal (TTTT-BB-HH)</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="137" />
        <source>category</source>
        <translation>kategori</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="144" />
        <source>Set</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="148" />
        <source>Attribute:</source>
        <translation>Atribut:</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="150" />
        <source>Type:</source>
        <translation>Jenis:</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="152" />
        <source>Value:</source>
        <translation>Nilai:</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="156" />
        <source>Assign to the selected case</source>
        <translation>Tautkan ke kasus yang dipilih</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="157" />
        <source>Whole current document</source>
        <translation>Seluruh dokumen ini</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="160" />
        <source>Selected passage only</source>
        <translation>Hanya bagian yang dipilih</translation>
    </message>
</context>
<context>
    <name>CodeCommands</name>
    <message>
        <location filename="../commands/codes.py" line="32" />
        <source>Add code</source>
        <translation>Tambah kode</translation>
    </message>
    <message>
        <location filename="../commands/codes.py" line="85" />
        <source>Move code</source>
        <translation>Pindahkan kode</translation>
    </message>
    <message>
        <location filename="../commands/codes.py" line="108" />
        <source>Merge codes</source>
        <translation>Gabungkan kode</translation>
    </message>
    <message>
        <location filename="../commands/codes.py" line="134" />
        <source>Delete code</source>
        <translation>Hapus kode</translation>
    </message>
    <message>
        <location filename="../commands/codes.py" line="154" />
        <source>Import codebook</source>
        <translation>Impor buku kode</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <location filename="../dialogs/code_editor.py" line="59" />
        <source>As an indicator of “{0}”</source>
        <translation>Sebagai indikator dari “{0}”</translation>
    </message>
    <message>
        <location filename="../dialogs/code_editor.py" line="64" />
        <source>Name (Indonesian):</source>
        <translation>Nama (Indonesia):</translation>
    </message>
    <message>
        <location filename="../dialogs/code_editor.py" line="65" />
        <source>Name (English):</source>
        <translation>Nama (Inggris):</translation>
    </message>
    <message>
        <location filename="../dialogs/code_editor.py" line="66" />
        <source>Definition (Indonesian):</source>
        <translation>Definisi (Indonesia):</translation>
    </message>
    <message>
        <location filename="../dialogs/code_editor.py" line="67" />
        <source>Definition (English):</source>
        <translation>Definisi (Inggris):</translation>
    </message>
    <message>
        <location filename="../dialogs/code_editor.py" line="68" />
        <source>Colour:</source>
        <translation>Warna:</translation>
    </message>
    <message>
        <location filename="../dialogs/code_editor.py" line="87" />
        <source>Code colour</source>
        <translation>Warna kode</translation>
    </message>
    <message>
        <location filename="../dialogs/code_editor.py" line="95" />
        <source>A name is required</source>
        <translation>Nama wajib diisi</translation>
    </message>
</context>
<context>
    <name>CodebookEditor</name>
    <message>
        <location filename="../workbench/codebook_editing.py" line="79" />
        <source>Recolour code</source>
        <translation>Ubah warna kode</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="79" />
        <location filename="../workbench/codebook_editing.py" line="130" />
        <source>Edit code</source>
        <translation>Sunting kode</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="111" />
        <source>New code</source>
        <translation>Kode baru</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="148" />
        <source>Merge codes</source>
        <translation>Gabungkan kode</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="149" />
        <source>Merge “{0}” into:</source>
        <translation>Gabungkan “{0}” ke dalam:</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="164" />
        <source>Delete code</source>
        <translation>Hapus kode</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="166" />
        <source>Delete the code “{0}” with its indicators and its {1} coding(s)? You can undo this.</source>
        <translation>Hapus kode “{0}” beserta indikator dan {1} pengodeannya? Tindakan ini dapat dibatalkan.</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="175" />
        <source>Import codebook</source>
        <translation>Impor buku kode</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="175" />
        <source>Codebook (*.toml)</source>
        <translation>Buku kode (*.toml)</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="189" />
        <source>Move to top level</source>
        <translation>Pindahkan ke tingkat teratas</translation>
    </message>
</context>
<context>
    <name>CodebookModel</name>
    <message>
        <location filename="../workbench/codebook_model.py" line="188" />
        <source>Code</source>
        <extracomment>role holding the code id (None for a codebook row) role holding the codebook id of any row role holding the stable key</extracomment>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_model.py" line="188" />
        <source>Codings</source>
        <translation>Pengodean</translation>
    </message>
</context>
<context>
    <name>CodingCommands</name>
    <message>
        <location filename="../commands/codings.py" line="35" />
        <source>Apply code</source>
        <translation>Terapkan kode</translation>
    </message>
    <message>
        <location filename="../commands/codings.py" line="80" />
        <source>Remove coding</source>
        <translation>Hapus pengodean</translation>
    </message>
    <message>
        <location filename="../commands/codings.py" line="106" />
        <source>Change coding</source>
        <translation>Ubah pengodean</translation>
    </message>
    <message>
        <location filename="../commands/codings.py" line="144" />
        <source>Code in vivo</source>
        <translation>Kode in vivo</translation>
    </message>
</context>
<context>
    <name>CodingPanel</name>
    <message>
        <location filename="../workbench/coding_panel.py" line="81" />
        <source>Place the cursor in coded text to see its codings.</source>
        <translation>Letakkan kursor pada teks berkode untuk melihat pengodeannya.</translation>
    </message>
    <message>
        <location filename="../workbench/coding_panel.py" line="83" />
        <source>Illustrative quote (★)</source>
        <translation>Kutipan ilustratif (★)</translation>
    </message>
    <message>
        <location filename="../workbench/coding_panel.py" line="87" />
        <source>Memo on this coding…</source>
        <translation>Memo untuk pengodean ini…</translation>
    </message>
    <message>
        <location filename="../workbench/coding_panel.py" line="89" />
        <source>Save memo</source>
        <translation>Simpan memo</translation>
    </message>
    <message>
        <location filename="../workbench/coding_panel.py" line="90" />
        <source>Remove coding</source>
        <translation>Hapus pengodean</translation>
    </message>
    <message>
        <location filename="../workbench/coding_panel.py" line="92" />
        <source>Re-code with current code</source>
        <translation>Ganti dengan kode aktif</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../workbench/documents_model.py" line="55" />
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location filename="../workbench/documents_model.py" line="55" />
        <source>Case</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <location filename="../workbench/documents_model.py" line="55" />
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../workbench/documents_model.py" line="55" />
        <source>Coded</source>
        <translation>Terkode</translation>
    </message>
    <message>
        <location filename="../workbench/documents_model.py" line="71" />
        <source>{0}
{1} characters, {2} codings, {3} % coded</source>
        <translation>{0}
{1} karakter, {2} pengodean, {3} % terkode</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../errors.py" line="33" />
        <source>This file type cannot be imported (use .docx, .pdf, .txt, .md, .odt or .rtf).</source>
        <translation>Jenis berkas ini tidak dapat diimpor (gunakan .docx, .pdf, .txt, .md, .odt, atau .rtf).</translation>
    </message>
    <message>
        <location filename="../errors.py" line="37" />
        <source>The file is empty.</source>
        <translation>Berkas ini kosong.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="38" />
        <source>The file is too large to import.</source>
        <translation>Berkas terlalu besar untuk diimpor.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="39" />
        <source>The file is incomplete (it may have been cut off while copying).</source>
        <translation>Berkas tidak lengkap (mungkin terpotong saat disalin).</translation>
    </message>
    <message>
        <location filename="../errors.py" line="42" />
        <source>The file is password-protected. Save an unprotected copy first.</source>
        <translation>Berkas dilindungi kata sandi. Simpan dulu salinan tanpa kata sandi.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="45" />
        <source>The PDF has no text layer (it is a scan). Run text recognition (OCR) on it first.</source>
        <translation>PDF ini tidak memiliki lapisan teks (hasil pindaian). Jalankan dulu pengenalan teks (OCR).</translation>
    </message>
    <message>
        <location filename="../errors.py" line="49" />
        <source>The file expands to an unreasonable size and was refused.</source>
        <translation>Berkas mengembang ke ukuran yang tidak wajar dan ditolak.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="52" />
        <source>The file contains unsafe XML constructs and was refused.</source>
        <translation>Berkas berisi konstruksi XML yang tidak aman dan ditolak.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="55" />
        <source>The file is damaged and cannot be read.</source>
        <translation>Berkas rusak dan tidak dapat dibaca.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="56" />
        <source>The text encoding of the file could not be recognised.</source>
        <translation>Pengodean teks (encoding) berkas tidak dapat dikenali.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="57" />
        <source>The file could not be read.</source>
        <translation>Berkas tidak dapat dibaca.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="58" />
        <source>This is a folder, not a file.</source>
        <translation>Ini folder, bukan berkas.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="59" />
        <source>The file does not exist (any more).</source>
        <translation>Berkas tidak ada (lagi).</translation>
    </message>
    <message>
        <location filename="../errors.py" line="60" />
        <source>You do not have permission to read this file.</source>
        <translation>Anda tidak memiliki izin membaca berkas ini.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="61" />
        <source>A document with this name is already in the project.</source>
        <translation>Dokumen dengan nama ini sudah ada di proyek.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="64" />
        <source>The file could not be imported ({0}).</source>
        <translation>Berkas tidak dapat diimpor ({0}).</translation>
    </message>
    <message>
        <location filename="../errors.py" line="70" />
        <source>document</source>
        <translation>dokumen</translation>
    </message>
    <message>
        <location filename="../errors.py" line="71" />
        <source>case</source>
        <translation>kasus</translation>
    </message>
    <message>
        <location filename="../errors.py" line="72" />
        <source>code</source>
        <translation>kode</translation>
    </message>
    <message>
        <location filename="../errors.py" line="73" />
        <source>codebook</source>
        <translation>buku kode</translation>
    </message>
    <message>
        <location filename="../errors.py" line="74" />
        <source>coding</source>
        <translation>pengodean</translation>
    </message>
    <message>
        <location filename="../errors.py" line="75" />
        <source>coder</source>
        <translation>pengode</translation>
    </message>
    <message>
        <location filename="../errors.py" line="76" />
        <source>attribute</source>
        <translation>atribut</translation>
    </message>
    <message>
        <location filename="../errors.py" line="84" />
        <source>Cancelled. Nothing was changed.</source>
        <translation>Dibatalkan. Tidak ada yang berubah.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="88" />
        <source>A {0} named "{1}" already exists.</source>
        <translation>{0} bernama "{1}" sudah ada.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="92" />
        <source>The {0} "{1}" no longer exists.</source>
        <translation>{0} "{1}" sudah tidak ada.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="96" />
        <source>Select some text first.</source>
        <translation>Pilih teks terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="99" />
        <source>Please enter a value for {0}.</source>
        <translation>Isi nilai untuk {0}.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="100" />
        <source>"{0}" is not a valid value for {1}.</source>
        <translation>"{0}" bukan nilai yang sah untuk {1}.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="104" />
        <source>The codebook file {0} is not valid at {1}: {2}</source>
        <translation>Berkas buku kode {0} tidak sah pada {1}: {2}</translation>
    </message>
    <message>
        <location filename="../errors.py" line="110" />
        <source>This project is open read-only; changes are not possible.</source>
        <translation>Proyek ini dibuka hanya-baca; perubahan tidak dapat dilakukan.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="112" />
        <source>The project file could not be changed: {0}</source>
        <translation>Berkas proyek tidak dapat diubah: {0}</translation>
    </message>
    <message>
        <location filename="../errors.py" line="116" />
        <source>A file operation failed: {0}</source>
        <translation>Operasi berkas gagal: {0}</translation>
    </message>
    <message>
        <location filename="../errors.py" line="117" />
        <source>Unexpected error: {0}</source>
        <translation>Galat tak terduga: {0}</translation>
    </message>
    <message>
        <location filename="../errors.py" line="124" />
        <source>The project file {0} does not exist.</source>
        <translation>Berkas proyek {0} tidak ada.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="126" />
        <source>{0} is not a Telaah project file.</source>
        <translation>{0} bukan berkas proyek Telaah.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="128" />
        <source>The project file {0} is damaged and cannot be opened safely.</source>
        <translation>Berkas proyek {0} rusak dan tidak dapat dibuka dengan aman.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="132" />
        <source>{0} was saved by a newer version of Telaah. Please update Telaah.</source>
        <translation>{0} disimpan oleh Telaah versi yang lebih baru. Perbarui Telaah Anda.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="135" />
        <source>The project {0} cannot be opened.</source>
        <translation>Proyek {0} tidak dapat dibuka.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="142" />
        <source>Telaah</source>
        <translation>Telaah</translation>
    </message>
</context>
<context>
    <name>ExcerptModel</name>
    <message>
        <location filename="../workbench/excerpt_model.py" line="91" />
        <source>Excerpt</source>
        <translation>Kutipan</translation>
    </message>
    <message>
        <location filename="../workbench/excerpt_model.py" line="92" />
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location filename="../workbench/excerpt_model.py" line="93" />
        <source>Case</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <location filename="../workbench/excerpt_model.py" line="94" />
        <source>Speaker</source>
        <translation>Pembicara</translation>
    </message>
    <message>
        <location filename="../workbench/excerpt_model.py" line="95" />
        <source>Coder</source>
        <translation>Pengode</translation>
    </message>
</context>
<context>
    <name>ExcerptPanel</name>
    <message>
        <location filename="../workbench/panels.py" line="64" />
        <source>Case:</source>
        <translation>Kasus:</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="65" />
        <source>Coder:</source>
        <translation>Pengode:</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="66" />
        <source>Document:</source>
        <translation>Dokumen:</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="67" />
        <source>Speaker:</source>
        <translation>Pembicara:</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="98" />
        <location filename="../workbench/panels.py" line="101" />
        <location filename="../workbench/panels.py" line="102" />
        <location filename="../workbench/panels.py" line="103" />
        <source>any</source>
        <translation>semua</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="121" />
        <source>Select a code to see its excerpts.</source>
        <translation>Pilih kode untuk melihat kutipannya.</translation>
    </message>
    <message numerus="yes">
        <location filename="../workbench/panels.py" line="123" />
        <source>%n excerpt(s)</source>
        <translation><numerusform>%n kutipan</numerusform></translation>
    </message>
</context>
<context>
    <name>FailureModel</name>
    <message>
        <location filename="../dialogs/import_report.py" line="42" />
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <location filename="../dialogs/import_report.py" line="42" />
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../dialogs/import_report.py" line="64" />
        <source>Import finished</source>
        <translation>Impor selesai</translation>
    </message>
    <message numerus="yes">
        <location filename="../dialogs/import_report.py" line="67" />
        <source>%n document(s) imported.</source>
        <translation><numerusform>%n dokumen diimpor.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../dialogs/import_report.py" line="69" />
        <source>%n file(s) could not be imported:</source>
        <translation><numerusform>%n berkas tidak dapat diimpor:</numerusform></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../main.py" line="64" />
        <source>No backup was found.</source>
        <translation>Tidak ada cadangan yang ditemukan.</translation>
    </message>
    <message>
        <location filename="../../main.py" line="72" />
        <source>Open the newest backup ({0}) instead? The damaged file is kept as a copy.</source>
        <translation>Buka cadangan terbaru ({0}) sebagai gantinya? Berkas yang rusak disimpan sebagai salinan.</translation>
    </message>
    <message>
        <location filename="../../main.py" line="88" />
        <source>Open or create a Telaah project</source>
        <translation>Buka atau buat proyek Telaah</translation>
    </message>
    <message>
        <location filename="../../main.py" line="90" />
        <source>Telaah project (*.telaah)</source>
        <translation>Proyek Telaah (*.telaah)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../workbench/window.py" line="111" />
        <source>{0} – Telaah</source>
        <translation>{0} – Telaah</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="112" />
        <source> (read-only)</source>
        <translation> (hanya baca)</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="131" />
        <source>Show turns of:</source>
        <translation>Tampilkan giliran:</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="174" />
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="187" />
        <source>Codes</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="192" />
        <source>Edit memo</source>
        <translation>Sunting memo</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="195" />
        <location filename="../workbench/window.py" line="646" />
        <source>Star quote</source>
        <translation>Tandai kutipan</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="200" />
        <source>Coding details</source>
        <translation>Rincian pengodean</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="212" />
        <source>Excerpts</source>
        <translation>Kutipan</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="213" />
        <location filename="../workbench/window.py" line="274" />
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="214" />
        <source>Excerpts and search</source>
        <translation>Kutipan dan pencarian</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="253" />
        <source>Apply code</source>
        <translation>Terapkan kode</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="254" />
        <source>Code the selected text with the current code (Ctrl+E)</source>
        <translation>Kodekan teks terpilih dengan kode aktif (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="255" />
        <source>Code in vivo</source>
        <translation>Kode in vivo</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="256" />
        <source>Create a code named after the selected words</source>
        <translation>Buat kode bernama sesuai kata yang dipilih</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="257" />
        <source>Undo</source>
        <translation>Urungkan</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="260" />
        <source>Redo</source>
        <translation>Ulangi</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="267" />
        <source>Import documents…</source>
        <translation>Impor dokumen…</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="271" />
        <source>Import codebook…</source>
        <translation>Impor buku kode…</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="272" />
        <source>Cases and attributes…</source>
        <translation>Kasus dan atribut…</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="276" />
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="277" />
        <source>New code…</source>
        <translation>Kode baru…</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="278" />
        <source>Edit code…</source>
        <translation>Sunting kode…</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="279" />
        <source>Merge into…</source>
        <translation>Gabungkan ke…</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="280" />
        <source>Delete code…</source>
        <translation>Hapus kode…</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="291" />
        <source>&amp;Project</source>
        <translation>&amp;Proyek</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="295" />
        <source>&amp;Edit</source>
        <translation>&amp;Sunting</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="299" />
        <source>&amp;Code</source>
        <translation>&amp;Kode</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="303" />
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="304" />
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="308" />
        <source>Coding</source>
        <translation>Pengodean</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="323" />
        <source>Coder: {0}</source>
        <translation>Pengode: {0}</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="399" />
        <source>all speakers</source>
        <translation>semua pembicara</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="447" />
        <source>Select some text in the transcript first.</source>
        <translation>Pilih dulu teks di transkrip.</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="453" />
        <source>Apply “{0}”</source>
        <translation>Terapkan “{0}”</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="471" />
        <source>Choose a code in the code tree first.</source>
        <translation>Pilih dulu kode di pohon kode.</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="490" />
        <source>Keys 1–9: recent codes</source>
        <translation>Tombol 1–9: kode terakhir</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="500" />
        <source>Select the words to name the code with.</source>
        <translation>Pilih kata yang akan menjadi nama kode.</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="514" />
        <source>Choose the new code in the code tree first.</source>
        <translation>Pilih dulu kode baru di pohon kode.</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="517" />
        <source>Re-code</source>
        <translation>Ganti kode</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="629" />
        <source>Assign selection to a case…</source>
        <translation>Tautkan pilihan ke kasus…</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="635" />
        <source>Remove coding</source>
        <translation>Hapus pengodean</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="636" />
        <source>Re-code with current code</source>
        <translation>Ganti dengan kode aktif</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="638" />
        <source>Remove star</source>
        <translation>Hapus tanda bintang</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="638" />
        <source>Star as illustrative</source>
        <translation>Tandai sebagai ilustratif</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="658" />
        <source>Import documents</source>
        <translation>Impor dokumen</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="660" />
        <source>Documents (*.docx *.pdf *.txt *.md *.odt *.rtf);;All files (*)</source>
        <translation>Dokumen (*.docx *.pdf *.txt *.md *.odt *.rtf);;Semua berkas (*)</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="675" />
        <source>Importing documents…</source>
        <translation>Mengimpor dokumen…</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="685" />
        <source>Cancelled. Nothing was changed.</source>
        <translation>Dibatalkan. Tidak ada yang berubah.</translation>
    </message>
    <message numerus="yes">
        <location filename="../workbench/window.py" line="698" />
        <source>%n document(s) imported.</source>
        <translation><numerusform>%n dokumen diimpor.</numerusform></translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <location filename="../workbench/search_actions.py" line="43" />
        <source>Choose a code in the code tree first.</source>
        <translation>Pilih dulu kode di pohon kode.</translation>
    </message>
    <message>
        <location filename="../workbench/search_actions.py" line="57" />
        <source>Coding all hits…</source>
        <translation>Mengodekan semua hasil…</translation>
    </message>
    <message>
        <location filename="../workbench/search_actions.py" line="65" />
        <source>Code all hits with “{0}”</source>
        <translation>Kodekan semua hasil dengan “{0}”</translation>
    </message>
    <message numerus="yes">
        <location filename="../workbench/search_actions.py" line="68" />
        <source>%n passage(s) coded.</source>
        <translation><numerusform>%n bagian dikodekan.</numerusform></translation>
    </message>
</context>
<context>
    <name>SearchHitModel</name>
    <message>
        <location filename="../workbench/search_model.py" line="38" />
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location filename="../workbench/search_model.py" line="38" />
        <source>Context</source>
        <translation>Konteks</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../workbench/panels.py" line="156" />
        <source>Word, phrase or pattern</source>
        <translation>Kata, frasa, atau pola</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="157" />
        <source>Regular expression</source>
        <translation>Ekspresi reguler</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="159" />
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="164" />
        <source>the match</source>
        <translation>kata yang cocok</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="165" />
        <source>its sentence</source>
        <translation>kalimatnya</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="166" />
        <source>its paragraph</source>
        <translation>paragrafnya</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="167" />
        <source>its speaker turn</source>
        <translation>giliran bicaranya</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="171" />
        <source>Code all hits</source>
        <translation>Kodekan semua hasil</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="179" />
        <source>Code:</source>
        <translation>Kodekan:</translation>
    </message>
    <message numerus="yes">
        <location filename="../workbench/panels.py" line="208" />
        <source>%n hit(s)</source>
        <translation><numerusform>%n hasil</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../workbench/panels.py" line="208" />
        <source>%n document(s)</source>
        <translation><numerusform>%n dokumen</numerusform></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../startup.py" line="36" />
        <source>This project is already open in another Telaah window. It is shown read-only here: close the other window to make changes.</source>
        <translation>Proyek ini sedang terbuka di jendela Telaah lain. Di sini proyek ditampilkan hanya-baca: tutup jendela lain itu untuk membuat perubahan.</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../tasks.py" line="78" />
        <source>Cancel</source>
        <extracomment>how long work may run before the progress dialog appears (milliseconds) emitted after ``done`` or ``error``</extracomment>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../tasks.py" line="104" />
        <source>Cancelling…</source>
        <translation>Membatalkan…</translation>
    </message>
</context>
</TS>