<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AgreementView</name>
    <message>
        <location filename="../review/agreement_view.py" line="164"/>
        <source>Compare coder</source>
        <translation>Bandingkan pengode</translation>
    </message>
    <message>
        <location filename="../review/agreement_view.py" line="165"/>
        <source>with</source>
        <translation>dengan</translation>
    </message>
    <message>
        <location filename="../review/agreement_view.py" line="166"/>
        <source>Documents:</source>
        <translation>Dokumen:</translation>
    </message>
    <message>
        <location filename="../review/agreement_view.py" line="167"/>
        <source>Review report (Word)…</source>
        <translation>Laporan tinjauan (Word)…</translation>
    </message>
    <message>
        <location filename="../review/agreement_view.py" line="169"/>
        <source>Questioned excerpts with their discussion, and this agreement table</source>
        <translation>Kutipan yang dipertanyakan beserta diskusinya, dan tabel kesepakatan ini</translation>
    </message>
    <message>
        <location filename="../review/agreement_view.py" line="172"/>
        <location filename="../review/agreement_view.py" line="225"/>
        <source>All documents both coded</source>
        <translation>Semua dokumen yang dikodekan oleh keduanya</translation>
    </message>
    <message>
        <location filename="../review/agreement_view.py" line="210"/>
        <source>{0} ({1} codings)</source>
        <translation>{0} ({1} pengodean)</translation>
    </message>
    <message>
        <location filename="../review/agreement_view.py" line="289"/>
        <source>Agreement needs codings by two coders on the same documents.</source>
        <translation>Kesepakatan memerlukan pengodean dua pengode pada dokumen yang sama.</translation>
    </message>
    <message>
        <location filename="../review/agreement_view.py" line="291"/>
        <source>Choose two different coders.</source>
        <translation>Pilih dua pengode yang berbeda.</translation>
    </message>
    <message>
        <location filename="../review/agreement_view.py" line="295"/>
        <source>These two coders have not coded any document in common.</source>
        <translation>Kedua pengode ini belum mengodekan satu pun dokumen yang sama.</translation>
    </message>
    <message numerus="yes">
        <location filename="../review/agreement_view.py" line="298"/>
        <source>Compared over every character of %n document(s). Report kappa or alpha: percent agreement includes the text neither coder coded. n/a: not defined (e.g. neither coder used the code).</source>
        <translation>
            <numerusform>Dibandingkan pada setiap karakter dari %n dokumen. Laporkan kappa atau alfa: persentase kesepakatan ikut menghitung teks yang tidak dikodekan kedua pengode. n/a: tidak terdefinisi (mis. kode tidak dipakai kedua pengode).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../review/agreement_view.py" line="308"/>
        <source>%n disagreement(s)</source>
        <translation>
            <numerusform>%n ketidaksepakatan</numerusform>
        </translation>
    </message>
    <message>
        <source>Intercoder agreement – Telaah</source>
        <translation>Kesepakatan antarpengode – Telaah</translation>
    </message>
</context>
<context>
    <name>AnalysisLayout</name>
    <message>
        <source>Summary table…</source>
        <translation>Tabel ringkasan…</translation>
    </message>
    <message>
        <source>Matrix as shown…</source>
        <translation>Matriks seperti yang ditampilkan…</translation>
    </message>
    <message>
        <source>Findings table…</source>
        <translation>Tabel ringkasan temuan…</translation>
    </message>
    <message>
        <source>Informant table…</source>
        <translation>Daftar informan…</translation>
    </message>
    <message>
        <source>Operationalisation table (codebook)…</source>
        <translation>Tabel operasionalisasi (buku kode)…</translation>
    </message>
    <message>
        <source>Chapter draft…</source>
        <translation>Draf bab…</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="109"/>
        <source>Show aliases (pseudonymise exports)</source>
        <translation>Tampilkan alias (samarkan nama di ekspor)</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="111"/>
        <source>Names to mask, comma-separated</source>
        <translation>Nama yang disamarkan, pisahkan dengan koma</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="114"/>
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="116"/>
        <location filename="../analysis/window.py" line="128"/>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="116"/>
        <location filename="../analysis/window.py" line="129"/>
        <source>Matrix</source>
        <translation>Matriks</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="122"/>
        <source>Codebook:</source>
        <translation>Buku kode:</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="123"/>
        <source>Coder:</source>
        <translation>Pengode:</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="130"/>
        <source>Charts</source>
        <translation>Grafik</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="150"/>
        <source>filled: supporting evidence from two or more sources · thin: from one · contested: supporting evidence and evidence that it does not happen · does not happen: only evidence that it does not happen · empty: no evidence. Barriers are counted beside and never fill a box.</source>
        <translation>terisi: bukti pendukung dari dua sumber atau lebih · tipis: dari satu sumber · diperdebatkan: ada bukti pendukung dan bukti bahwa hal itu tidak terjadi · tidak terjadi: hanya bukti bahwa hal itu tidak terjadi · kosong: belum ada bukti. Hambatan dihitung di sampingnya dan tidak pernah mengisi kotak.</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="168"/>
        <location filename="../analysis/window.py" line="425"/>
        <source>Finding of the selected box:</source>
        <translation>Temuan untuk kotak yang dipilih:</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="171"/>
        <source>One or two sentences: what the evidence shows for this box</source>
        <translation>Satu atau dua kalimat: apa yang ditunjukkan bukti untuk kotak ini</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="175"/>
        <source>Save finding</source>
        <translation>Simpan temuan</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="193"/>
        <source>Counts</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="193"/>
        <source>Presence</source>
        <translation>Ada/tidak ada (✓/–)</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="194"/>
        <source>Quotes</source>
        <translation>Kutipan</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="194"/>
        <source>Cell summaries</source>
        <translation>Ringkasan sel</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="197"/>
        <source>Columns:</source>
        <translation>Kolom:</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="199"/>
        <source>Cells:</source>
        <translation>Sel:</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="209"/>
        <location filename="../analysis/window.py" line="443"/>
        <source>Select a cell to see its excerpts.</source>
        <translation>Pilih sel untuk melihat kutipannya.</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="215"/>
        <source>Your summary of this cell…</source>
        <translation>Ringkasan Anda untuk sel ini…</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="216"/>
        <source>Save cell summary</source>
        <translation>Simpan ringkasan sel</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="218"/>
        <source>Cell summary:</source>
        <translation>Ringkasan sel:</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="236"/>
        <source>Save as PNG…</source>
        <translation>Simpan sebagai PNG…</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="251"/>
        <source>Primary coders</source>
        <translation>Pengode utama</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="254"/>
        <source>Cases</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="255"/>
        <source>Source types</source>
        <translation>Jenis sumber data</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="257"/>
        <source>Values of %1</source>
        <translation>Nilai %1</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="261"/>
        <source>Co-occurrence with %1</source>
        <translation>Kemunculan bersama dengan %1</translation>
    </message>
</context>
<context>
    <name>AnalysisWindow</name>
    <message>
        <location filename="../analysis/window.py" line="84"/>
        <location filename="../analysis/window.py" line="486"/>
        <source>Analysis</source>
        <translation>Analisis</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="168"/>
        <location filename="../analysis/window.py" line="425"/>
        <source>Finding of the selected box:</source>
        <translation>Temuan untuk kotak yang dipilih:</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="209"/>
        <location filename="../analysis/window.py" line="443"/>
        <source>Select a cell to see its excerpts.</source>
        <translation>Pilih sel untuk melihat kutipannya.</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="333"/>
        <source>Empty boxes: %1</source>
        <translation>Kotak kosong: %1</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="334"/>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="337"/>
        <source>Boxes informants say do not happen: %1</source>
        <translation>Kotak yang menurut informan tidak terjadi: %1</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="366"/>
        <source>Excerpts by code: %1</source>
        <translation>Kutipan per kode: %1</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="371"/>
        <source>Excerpts by informant group: %1</source>
        <translation>Kutipan per kelompok informan: %1</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="423"/>
        <source>Finding of %1:</source>
        <translation>Temuan untuk %1:</translation>
    </message>
    <message>
        <location filename="../analysis/commands.py" line="55"/>
        <source>Edit finding</source>
        <translation>Sunting temuan</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="455"/>
        <source>%1 × %2: %3 excerpt(s)</source>
        <translation>%1 × %2: %3 kutipan</translation>
    </message>
    <message>
        <location filename="../analysis/commands.py" line="30"/>
        <source>Edit cell summary</source>
        <translation>Sunting ringkasan sel</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="486"/>
        <source>Could not save: %1</source>
        <translation>Tidak dapat menyimpan: %1</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="491"/>
        <source>Save chart</source>
        <translation>Simpan grafik</translation>
    </message>
    <message>
        <location filename="../analysis/window.py" line="491"/>
        <source>PNG image (*.png)</source>
        <translation>Gambar PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>AttributeTemplateModel</name>
    <message>
        <location filename="../start/codebook_choices.py" line="157"/>
        <source>Attribute</source>
        <translation>Atribut</translation>
    </message>
    <message>
        <location filename="../start/codebook_choices.py" line="157"/>
        <source>Kind of value</source>
        <translation>Jenis nilai</translation>
    </message>
</context>
<context>
    <name>CaseCommands</name>
    <message>
        <source>Set informant code</source>
        <translation>Tetapkan kode informan</translation>
    </message>
    <message>
        <location filename="../commands/cases.py" line="30"/>
        <source>New case</source>
        <translation>Kasus baru</translation>
    </message>
    <message>
        <location filename="../commands/cases.py" line="58"/>
        <source>Set attribute</source>
        <translation>Isi atribut</translation>
    </message>
    <message>
        <location filename="../commands/cases.py" line="87"/>
        <source>Assign to case</source>
        <translation>Tautkan ke kasus</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Informant code</source>
        <translation>Kode informan</translation>
    </message>
    <message>
        <source>Set by you</source>
        <translation>Ditetapkan oleh Anda</translation>
    </message>
    <message>
        <source>Made from the group; set your own below</source>
        <translation>Dibentuk dari kelompok; tetapkan kode sendiri di bawah</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="57"/>
        <source>Case</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="57"/>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
</context>
<context>
    <name>CasesDialog</name>
    <message>
        <source>Informant code of the selected case</source>
        <translation>Kode informan untuk kasus terpilih</translation>
    </message>
    <message>
        <source>e.g. AP1; empty: made from the group</source>
        <translation>mis. AP1; kosong: dibentuk dari kelompok</translation>
    </message>
    <message>
        <source>Set code</source>
        <translation>Tetapkan kode</translation>
    </message>
    <message>
        <source>empty: %1, made from the group</source>
        <translation>kosong: %1, dibentuk dari kelompok</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="86"/>
        <source>Cases and attributes</source>
        <translation>Kasus dan atribut</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="101"/>
        <source>New case</source>
        <translation>Kasus baru</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="104"/>
        <source>Name, e.g. the informant&apos;s name</source>
        <translation>Nama, mis. nama informan</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="106"/>
        <source>Alias, e.g. Informan 3</source>
        <translation>Alias, mis. Informan 3</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="107"/>
        <source>Create case</source>
        <translation>Buat kasus</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="115"/>
        <source>Attribute of the selected case</source>
        <translation>Atribut kasus yang dipilih</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="122"/>
        <source>text</source>
        <translation>teks</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="123"/>
        <source>number</source>
        <translation>angka</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="124"/>
        <source>date (YYYY-MM-DD)</source>
        <translation>tanggal (TTTT-BB-HH)</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="125"/>
        <source>category</source>
        <translation>kategori</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="132"/>
        <source>Set</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="136"/>
        <source>Attribute:</source>
        <translation>Atribut:</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="138"/>
        <source>Type:</source>
        <translation>Jenis:</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="140"/>
        <source>Value:</source>
        <translation>Nilai:</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="144"/>
        <source>Assign to the selected case</source>
        <translation>Tautkan ke kasus yang dipilih</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="145"/>
        <source>Whole current document</source>
        <translation>Seluruh dokumen ini</translation>
    </message>
    <message>
        <location filename="../dialogs/cases.py" line="148"/>
        <source>Selected passage only</source>
        <translation>Hanya bagian yang dipilih</translation>
    </message>
</context>
<context>
    <name>CodeCommands</name>
    <message>
        <location filename="../commands/codes.py" line="203"/>
        <source>Update codebook</source>
        <translation>Perbarui buku kode</translation>
    </message>
    <message>
        <location filename="../commands/codes.py" line="45"/>
        <source>Add code</source>
        <extracomment>the codebook of codes the researcher adds without choosing one</extracomment>
        <translation>Tambah kode</translation>
    </message>
    <message>
        <location filename="../commands/codes.py" line="103"/>
        <source>Move code</source>
        <translation>Pindahkan kode</translation>
    </message>
    <message>
        <location filename="../commands/codes.py" line="126"/>
        <source>Merge codes</source>
        <translation>Gabungkan kode</translation>
    </message>
    <message>
        <location filename="../commands/codes.py" line="151"/>
        <source>Delete code</source>
        <translation>Hapus kode</translation>
    </message>
    <message>
        <location filename="../commands/codes.py" line="177"/>
        <location filename="../commands/codes.py" line="222"/>
        <source>Import codebook</source>
        <translation>Impor buku kode</translation>
    </message>
    <message>
        <source>Add codebook</source>
        <translation>Tambah buku kode</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <location filename="../dialogs/code_editor.py" line="1"/>
        <source>Name:</source>
        <translation>Nama:</translation>
    </message>
    <message>
        <location filename="../dialogs/code_editor.py" line="1"/>
        <source>Definition:</source>
        <translation>Definisi:</translation>
    </message>
    <message>
        <location filename="../dialogs/code_editor.py" line="1"/>
        <source>Use when:</source>
        <translation>Gunakan bila:</translation>
    </message>
    <message>
        <location filename="../dialogs/code_editor.py" line="1"/>
        <source>Do not use when:</source>
        <translation>Jangan gunakan bila:</translation>
    </message>
    <message>
        <location filename="../dialogs/code_editor.py" line="1"/>
        <source>Reference:</source>
        <translation>Rujukan:</translation>
    </message>
    <message>
        <location filename="../dialogs/code_editor.py" line="1"/>
        <source>e.g. Loeffler and Bovaird (2021), p. 12</source>
        <translation>mis. Loeffler dan Bovaird (2021), hlm. 12</translation>
    </message>
    <message>
        <location filename="../dialogs/code_editor.py" line="59"/>
        <source>As an indicator of “{0}”</source>
        <translation>Sebagai indikator dari “{0}”</translation>
    </message>
    <message>
        <location filename="../dialogs/code_editor.py" line="64"/>
        <source>Name (Indonesian):</source>
        <translation>Nama (bahasa Indonesia):</translation>
    </message>
    <message>
        <location filename="../dialogs/code_editor.py" line="65"/>
        <source>Name (English):</source>
        <translation>Nama (bahasa Inggris):</translation>
    </message>
    <message>
        <location filename="../dialogs/code_editor.py" line="66"/>
        <source>Definition (Indonesian):</source>
        <translation>Definisi (bahasa Indonesia):</translation>
    </message>
    <message>
        <location filename="../dialogs/code_editor.py" line="67"/>
        <source>Definition (English):</source>
        <translation>Definisi (bahasa Inggris):</translation>
    </message>
    <message>
        <location filename="../dialogs/code_editor.py" line="68"/>
        <source>Colour:</source>
        <translation>Warna:</translation>
    </message>
    <message>
        <location filename="../dialogs/code_editor.py" line="87"/>
        <source>Code colour</source>
        <translation>Warna kode</translation>
    </message>
    <message>
        <location filename="../dialogs/code_editor.py" line="95"/>
        <source>A name is required</source>
        <translation>Nama wajib diisi</translation>
    </message>
</context>
<context>
    <name>CodebookEditor</name>
    <message>
        <location filename="../workbench/codebook_editing.py" line="215"/>
        <source>Add them and take the corrected names</source>
        <translation>Tambahkan dan pakai nama yang sudah diperbaiki</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="213"/>
        <source>Add new codes</source>
        <translation>Tambahkan kode baru</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="209"/>
        <source>Add the codes that are new in version {0}? Codings stay where they are, and you can undo this.</source>
        <translation>Tambahkan kode yang baru ada di versi {0}? Pengodean tetap di tempatnya, dan tindakan ini dapat diurungkan.</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="200"/>
        <source>Codebook:</source>
        <translation>Buku kode:</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="194"/>
        <source>{0} (version {1} → {2})</source>
        <translation>{0} (versi {1} → {2})</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="189"/>
        <source>Every codebook that ships with Telaah is up to date in this project.</source>
        <translation>Semua buku kode bawaan Telaah di proyek ini sudah versi terbaru.</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="188"/>
        <location filename="../workbench/codebook_editing.py" line="200"/>
        <location filename="../workbench/codebook_editing.py" line="206"/>
        <source>Update codebook</source>
        <translation>Perbarui buku kode</translation>
    </message>
    <message numerus="yes">
        <location filename="../workbench/codebook_editing.py" line="179"/>
        <source>%n new code(s) added; your codings are unchanged.</source>
        <translation>
            <numerusform>%n kode baru ditambahkan; pengodean Anda tidak berubah.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="71"/>
        <source>Recolour code</source>
        <translation>Ubah warna kode</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="71"/>
        <location filename="../workbench/codebook_editing.py" line="122"/>
        <source>Edit code</source>
        <translation>Sunting kode</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="103"/>
        <source>New code</source>
        <translation>Kode baru</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="140"/>
        <source>Merge codes</source>
        <translation>Gabungkan kode</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="141"/>
        <source>Merge “{0}” into:</source>
        <translation>Gabungkan “{0}” ke dalam:</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="156"/>
        <source>Delete code</source>
        <translation>Hapus kode</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="158"/>
        <source>Delete the code “{0}” with its indicators and its {1} coding(s)? You can undo this.</source>
        <translation>Hapus kode “{0}” beserta indikator dan {1} pengodeannya? Tindakan ini dapat dibatalkan.</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="167"/>
        <source>Import codebook</source>
        <translation>Impor buku kode</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="167"/>
        <source>Codebook (*.toml)</source>
        <translation>Buku kode (*.toml)</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_editing.py" line="231"/>
        <source>Move to top level</source>
        <translation>Pindahkan ke tingkat teratas</translation>
    </message>
</context>
<context>
    <name>CodebookModel</name>
    <message numerus="yes">
        <source>%n coding(s) with this code</source>
        <translation>
            <numerusform>%n pengodean dengan kode ini</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with its indicators (as in the summary)</source>
        <translation>
            <numerusform>%n bersama indikatornya (seperti di ringkasan)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../workbench/codebook_model.py" line="188"/>
        <source>Code</source>
        <extracomment>role holding the code id (None for a codebook row) role holding the codebook id of any row role holding the stable key</extracomment>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../workbench/codebook_model.py" line="188"/>
        <source>Codings</source>
        <translation>Pengodean</translation>
    </message>
</context>
<context>
    <name>CodersModel</name>
    <message>
        <location filename="../dialogs/project_settings.py" line="46"/>
        <source>Coder</source>
        <translation>Pengode</translation>
    </message>
    <message>
        <location filename="../dialogs/project_settings.py" line="46"/>
        <source>Codings</source>
        <translation>Pengodean</translation>
    </message>
    <message>
        <location filename="../dialogs/project_settings.py" line="46"/>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location filename="../dialogs/project_settings.py" line="50"/>
        <source>primary: codings are evidence</source>
        <translation>utama: pengodeannya menjadi bukti</translation>
    </message>
    <message>
        <location filename="../dialogs/project_settings.py" line="51"/>
        <source>second: agreement checks only</source>
        <translation>kedua: hanya untuk uji kesepakatan</translation>
    </message>
</context>
<context>
    <name>CodingCommands</name>
    <message>
        <location filename="../commands/codings.py" line="37"/>
        <source>Apply code</source>
        <translation>Terapkan kode</translation>
    </message>
    <message>
        <location filename="../commands/codings.py" line="84"/>
        <source>Remove coding</source>
        <translation>Hapus pengodean</translation>
    </message>
    <message>
        <location filename="../commands/codings.py" line="111"/>
        <source>Change coding</source>
        <translation>Ubah pengodean</translation>
    </message>
    <message>
        <location filename="../commands/codings.py" line="152"/>
        <source>Code in vivo</source>
        <translation>Kodekan secara in vivo</translation>
    </message>
</context>
<context>
    <name>CodingPanel</name>
    <message>
        <location filename="../workbench/coding_panel.py" line="40"/>
        <source>Supports: it happens</source>
        <translation>Mendukung: hal itu terjadi</translation>
    </message>
    <message>
        <location filename="../workbench/coding_panel.py" line="41"/>
        <source>Does not happen (absent)</source>
        <translation>Tidak terjadi</translation>
    </message>
    <message>
        <location filename="../workbench/coding_panel.py" line="42"/>
        <source>Barrier to it</source>
        <translation>Hambatan terhadapnya</translation>
    </message>
    <message>
        <location filename="../workbench/coding_panel.py" line="50"/>
        <source>[does not happen] </source>
        <translation>[tidak terjadi] </translation>
    </message>
    <message>
        <location filename="../workbench/coding_panel.py" line="52"/>
        <source>[barrier] </source>
        <translation>[hambatan] </translation>
    </message>
    <message>
        <location filename="../workbench/coding_panel.py" line="111"/>
        <source>Place the cursor in coded text to see its codings.</source>
        <translation>Letakkan kursor pada teks yang dikodekan untuk melihat pengodeannya.</translation>
    </message>
    <message>
        <location filename="../workbench/coding_panel.py" line="113"/>
        <source>Illustrative quote (★)</source>
        <translation>Kutipan ilustratif (★)</translation>
    </message>
    <message>
        <location filename="../workbench/coding_panel.py" line="121"/>
        <source>What the passage says of the code. Only supporting evidence fills a box; Ctrl+Shift+E switches to the next stance.</source>
        <translation>Apa yang dikatakan kutipan tentang kode ini. Hanya bukti pendukung yang mengisi kotak; Ctrl+Shift+E berpindah ke sikap bukti berikutnya.</translation>
    </message>
    <message>
        <location filename="../workbench/coding_panel.py" line="127"/>
        <source>Memo on this coding…</source>
        <translation>Memo untuk pengodean ini…</translation>
    </message>
    <message>
        <location filename="../workbench/coding_panel.py" line="129"/>
        <source>Save memo</source>
        <translation>Simpan memo</translation>
    </message>
    <message>
        <location filename="../workbench/coding_panel.py" line="130"/>
        <source>Remove coding</source>
        <translation>Hapus pengodean</translation>
    </message>
    <message>
        <location filename="../workbench/coding_panel.py" line="132"/>
        <source>Re-code with current code</source>
        <translation>Ganti dengan kode yang dipilih</translation>
    </message>
    <message>
        <location filename="../workbench/coding_panel.py" line="144"/>
        <source>Evidence:</source>
        <translation>Bukti:</translation>
    </message>
</context>
<context>
    <name>Companions</name>
    <message>
        <location filename="../workbench/companions.py" line="44"/>
        <source>Intercoder agreement – Telaah</source>
        <translation>Kesepakatan antarpengode – Telaah</translation>
    </message>
    <message>
        <location filename="../workbench/companions.py" line="60"/>
        <source>Change my name</source>
        <translation>Ganti nama saya</translation>
    </message>
    <message>
        <location filename="../workbench/companions.py" line="61"/>
        <source>New codings, memos and comments will carry this name:</source>
        <translation>Pengodean, memo, dan komentar baru akan memakai nama ini:</translation>
    </message>
    <message>
        <location filename="../workbench/companions.py" line="71"/>
        <source>Coder: {0}</source>
        <translation>Pengode: {0}</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <location filename="../review/compare.py" line="49"/>
        <source>Double-click a disagreement to compare the two codings.</source>
        <translation>Klik dua kali sebuah ketidaksepakatan untuk membandingkan kedua pengodean.</translation>
    </message>
    <message>
        <location filename="../review/compare.py" line="62"/>
        <source>{0}, characters {1}–{2}: {3}</source>
        <translation>{0}, karakter {1}–{2}: {3}</translation>
    </message>
    <message>
        <location filename="../review/compare.py" line="92"/>
        <source>No code on this stretch.</source>
        <translation>Tidak ada kode pada bagian ini.</translation>
    </message>
</context>
<context>
    <name>DisagreementModel</name>
    <message>
        <location filename="../review/agreement_model.py" line="190"/>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location filename="../review/agreement_model.py" line="191"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../review/agreement_model.py" line="192"/>
        <source>Characters</source>
        <translation>Karakter</translation>
    </message>
    <message>
        <location filename="../review/agreement_model.py" line="193"/>
        <source>Coded only by</source>
        <translation>Hanya dikodekan oleh</translation>
    </message>
    <message>
        <location filename="../review/agreement_model.py" line="194"/>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
</context>
<context>
    <name>DocumentCommands</name>
    <message>
        <location filename="../commands/documents.py" line="22"/>
        <source>Import documents</source>
        <translation>Impor dokumen</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../workbench/documents_model.py" line="46"/>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location filename="../workbench/documents_model.py" line="46"/>
        <source>Case</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <location filename="../workbench/documents_model.py" line="46"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../workbench/documents_model.py" line="46"/>
        <source>Coded</source>
        <translation>Dikodekan</translation>
    </message>
    <message>
        <location filename="../workbench/documents_model.py" line="62"/>
        <source>{0}
{1} characters, {2} codings, {3} % coded</source>
        <translation>{0}
{1} karakter, {2} pengodean, {3}% teks dikodekan</translation>
    </message>
</context>
<context>
    <name>DocumentSourceDialog</name>
    <message>
        <location filename="../dialogs/document_source.py" line="33"/>
        <source>Source of %1</source>
        <translation>Sumber %1</translation>
    </message>
    <message>
        <location filename="../dialogs/document_source.py" line="42"/>
        <source>Dated</source>
        <translation>Bertanggal</translation>
    </message>
    <message>
        <location filename="../dialogs/document_source.py" line="58"/>
        <source>Type of source:</source>
        <translation>Jenis sumber:</translation>
    </message>
    <message>
        <location filename="../dialogs/document_source.py" line="59"/>
        <source>Title in citations:</source>
        <translation>Judul dalam kutipan:</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Telaah cannot read old Word (.doc, .docm), Pages or WordPerfect files. Open it in Word, LibreOffice or Pages, choose Save as (or Export) .docx or PDF, then import that file.</source>
        <translation>Telaah tidak dapat membaca berkas Word lama (.doc, .docm), Pages, atau WordPerfect. Buka berkas itu di Word, LibreOffice, atau Pages, pilih Simpan sebagai (atau Ekspor) .docx atau PDF, lalu impor berkas tersebut.</translation>
    </message>
    <message>
        <source>The team server cannot be reached, so this edit was not made. Telaah reconnects by itself; try again when the banner is gone.</source>
        <translation>Server tim tidak dapat dihubungi, jadi suntingan ini tidak dilakukan. Telaah menyambung kembali dengan sendirinya; coba lagi setelah spanduk peringatan hilang.</translation>
    </message>
    <message>
        <source>This was changed by another coder after your edit, so it was not undone; nothing changed. Their version stays.</source>
        <translation>Ini sudah diubah oleh pengode lain setelah suntingan Anda, jadi tidak dibatalkan; tidak ada yang berubah. Versi mereka tetap.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="1"/>
        <source>The server does not allow this for your role in the team; nothing changed.</source>
        <translation>Server tidak mengizinkan tindakan ini untuk peran Anda dalam tim; tidak ada yang berubah.</translation>
    </message>
    <message>
        <source>{0} holds objects Telaah did not create ({1}). It was not opened or changed.</source>
        <translation>{0} memuat objek yang tidak dibuat oleh Telaah ({1}). Berkas tidak dibuka dan tidak diubah.</translation>
    </message>
    <message>
        <source>The pattern is not valid: {0}</source>
        <translation>Pola tidak valid: {0}</translation>
    </message>
    <message>
        <source>The pattern is too slow: simplify it. It was stopped; nothing was changed.</source>
        <translation>Pola terlalu lambat: sederhanakan. Pencarian dihentikan; tidak ada yang diubah.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="157"/>
        <source>The database {0} is not empty; a new project needs an empty database.</source>
        <translation>Basis data {0} tidak kosong; proyek baru memerlukan basis data yang kosong.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="155"/>
        <source>The database {0} holds no Telaah project.</source>
        <translation>Basis data {0} tidak berisi proyek Telaah.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="153"/>
        <source>The server refused the login for {0}.</source>
        <translation>Server menolak login untuk {0}.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="149"/>
        <source>The server of {0} does not answer. Check the address and the network.</source>
        <translation>Server {0} tidak menjawab. Periksa alamat dan jaringan.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="38"/>
        <source>This file type cannot be imported (use {0}).</source>
        <translation>Jenis berkas ini tidak dapat diimpor (gunakan {0}).</translation>
    </message>
    <message>
        <location filename="../errors.py" line="42"/>
        <source>The file is empty.</source>
        <translation>Berkas ini kosong.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="43"/>
        <source>The file is too large to import.</source>
        <translation>Berkas terlalu besar untuk diimpor.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="47"/>
        <source>The file is too complex to be read in reasonable time (a PDF page that draws too much, or reading that took longer than the time limit); print it to a new PDF or save it as text first.</source>
        <translation>Berkas ini terlalu rumit untuk dibaca dalam waktu wajar (halaman PDF yang menggambar terlalu banyak, atau pembacaan yang melewati batas waktu); cetak ulang ke PDF baru atau simpan sebagai teks terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="52"/>
        <source>This is not a regular file (a pipe, device or socket) and was not read.</source>
        <translation>Ini bukan berkas biasa (pipa, perangkat, atau soket) dan tidak dibaca.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="44"/>
        <source>The file is incomplete (it may have been cut off while copying).</source>
        <translation>Berkas tidak lengkap (mungkin terpotong saat disalin).</translation>
    </message>
    <message>
        <location filename="../errors.py" line="47"/>
        <source>The file is password-protected. Save an unprotected copy first.</source>
        <translation>Berkas dilindungi kata sandi. Simpan dulu salinan tanpa kata sandi.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="50"/>
        <source>The PDF has no text layer (it is a scan). Run text recognition (OCR) on it first.</source>
        <translation>PDF ini tidak memiliki lapisan teks (hasil pindaian). Jalankan dulu pengenalan teks (OCR).</translation>
    </message>
    <message>
        <location filename="../errors.py" line="54"/>
        <source>The file expands to an unreasonable size and was refused.</source>
        <translation>Berkas mengembang ke ukuran yang tidak wajar dan ditolak.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="57"/>
        <source>The file contains unsafe XML constructs and was refused.</source>
        <translation>Berkas berisi konstruksi XML yang tidak aman dan ditolak.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="60"/>
        <source>The file is damaged and cannot be read.</source>
        <translation>Berkas rusak dan tidak dapat dibaca.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="61"/>
        <source>The text encoding of the file could not be recognised.</source>
        <translation>Pengodean teks (encoding) berkas tidak dapat dikenali.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="62"/>
        <source>The file could not be read.</source>
        <translation>Berkas tidak dapat dibaca.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="63"/>
        <source>This is a folder, not a file.</source>
        <translation>Ini folder, bukan berkas.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="64"/>
        <source>The file does not exist (any more).</source>
        <translation>Berkas tidak ada (lagi).</translation>
    </message>
    <message>
        <location filename="../errors.py" line="65"/>
        <source>You do not have permission to read this file.</source>
        <translation>Anda tidak memiliki izin membaca berkas ini.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="66"/>
        <source>A document with this name is already in the project.</source>
        <translation>Dokumen dengan nama ini sudah ada di proyek.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="69"/>
        <source>The file could not be imported ({0}).</source>
        <translation>Berkas tidak dapat diimpor ({0}).</translation>
    </message>
    <message>
        <location filename="../errors.py" line="76"/>
        <source>This is not a REFI-QDA project (.qdpx is a zip).</source>
        <translation>Ini bukan proyek REFI-QDA (berkas .qdpx berupa zip).</translation>
    </message>
    <message>
        <location filename="../errors.py" line="77"/>
        <source>The archive holds no project.qde file.</source>
        <translation>Arsip tidak berisi berkas project.qde.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="78"/>
        <source>The archive holds more than one .qde file.</source>
        <translation>Arsip berisi lebih dari satu berkas .qde.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="79"/>
        <source>The archive contains paths that point outside it and was refused.</source>
        <translation>Arsip berisi jalur yang mengarah ke luar arsip dan ditolak.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="82"/>
        <source>The archive contains absolute paths and was refused.</source>
        <translation>Arsip berisi jalur absolut dan ditolak.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="85"/>
        <source>The project XML is damaged and cannot be read.</source>
        <translation>XML proyek rusak dan tidak dapat dibaca.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="86"/>
        <source>The archive holds too many files.</source>
        <translation>Arsip berisi terlalu banyak berkas.</translation>
    </message>
    <message>
        <source>Reading the documents inside the archive took longer than the time limit (30 minutes). Export the project again in parts, or with its PDF files saved as text.</source>
        <translation>Membaca dokumen-dokumen di dalam arsip melebihi batas waktu (30 menit). Ekspor ulang proyeknya per bagian, atau dengan berkas PDF-nya disimpan sebagai teks.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="93"/>
        <source>document</source>
        <translation>dokumen</translation>
    </message>
    <message>
        <location filename="../errors.py" line="94"/>
        <source>case</source>
        <translation>kasus</translation>
    </message>
    <message>
        <location filename="../errors.py" line="95"/>
        <source>code</source>
        <translation>kode</translation>
    </message>
    <message>
        <location filename="../errors.py" line="96"/>
        <source>codebook</source>
        <translation>buku kode</translation>
    </message>
    <message>
        <location filename="../errors.py" line="97"/>
        <source>coding</source>
        <translation>pengodean</translation>
    </message>
    <message>
        <location filename="../errors.py" line="98"/>
        <source>coder</source>
        <translation>pengode</translation>
    </message>
    <message>
        <location filename="../errors.py" line="99"/>
        <source>attribute</source>
        <translation>atribut</translation>
    </message>
    <message>
        <location filename="../errors.py" line="107"/>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Dibatalkan. Tidak ada yang berubah.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="113"/>
        <source>A {0} named &quot;{1}&quot; already exists.</source>
        <translation>{0} bernama &quot;{1}&quot; sudah ada.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="117"/>
        <source>The {0} &quot;{1}&quot; no longer exists.</source>
        <translation>{0} &quot;{1}&quot; sudah tidak ada.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="121"/>
        <source>Select some text first.</source>
        <translation>Pilih teks terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="124"/>
        <source>The {0} is empty: please enter one.</source>
        <translation>{0} masih kosong: isi dulu.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="125"/>
        <source>The {0} &quot;{1}&quot; is not valid.</source>
        <translation>{0} &quot;{1}&quot; tidak sah.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="129"/>
        <source>The codebook file {0} is not valid at {1}: {2}</source>
        <translation>Berkas buku kode {0} tidak sah pada {1}: {2}</translation>
    </message>
    <message>
        <location filename="../errors.py" line="135"/>
        <source>This project is open read-only; changes are not possible.</source>
        <translation>Proyek ini dibuka hanya-baca; perubahan tidak dapat dilakukan.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="137"/>
        <source>The project file could not be changed: {0}</source>
        <translation>Berkas proyek tidak dapat diubah: {0}</translation>
    </message>
    <message>
        <location filename="../errors.py" line="141"/>
        <source>A file operation failed: {0}</source>
        <translation>Operasi berkas gagal: {0}</translation>
    </message>
    <message>
        <location filename="../errors.py" line="142"/>
        <source>Unexpected error: {0}</source>
        <translation>Kesalahan tak terduga: {0}</translation>
    </message>
    <message>
        <location filename="../errors.py" line="1"/>
        <source>The file is XML but not a REFI-QDA project or codebook.</source>
        <translation>Berkas ini XML, tetapi bukan proyek atau buku kode REFI-QDA.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="1"/>
        <source>&quot;{0}&quot; matches several codes ({1}); give the full path of names.</source>
        <translation>&quot;{0}&quot; cocok dengan beberapa kode ({1}); tuliskan jalur nama lengkapnya.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="1"/>
        <source>The pattern has {0} hits, more than the {1} allowed; make it more precise. Nothing was changed.</source>
        <translation>Pola ini menghasilkan {0} temuan, lebih dari {1} yang diizinkan; buat lebih spesifik. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="1"/>
        <source>The phrase &quot;{0}&quot; is not in the document {1}; nothing was changed.</source>
        <translation>Frasa &quot;{0}&quot; tidak ada di dokumen {1}; tidak ada yang diubah.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="1"/>
        <source>The text could not be encoded or decoded ({0}); nothing was changed.</source>
        <translation>Teks tidak dapat dikodekan atau diurai ({0}); tidak ada yang diubah.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="1"/>
        <source>A file named {0} already exists; choose another name or folder.</source>
        <translation>Berkas bernama {0} sudah ada; pilih nama atau folder lain.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="161"/>
        <source>The project file {0} does not exist.</source>
        <translation>Berkas proyek {0} tidak ada.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="163"/>
        <source>{0} is not a Telaah project file.</source>
        <translation>{0} bukan berkas proyek Telaah.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="165"/>
        <source>The project file {0} is damaged and cannot be opened safely.</source>
        <translation>Berkas proyek {0} rusak dan tidak dapat dibuka dengan aman.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="169"/>
        <source>{0} was saved by a newer version of Telaah. Please update Telaah.</source>
        <translation>{0} disimpan oleh Telaah versi yang lebih baru. Perbarui Telaah Anda.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="172"/>
        <source>The project {0} cannot be opened.</source>
        <translation>Proyek {0} tidak dapat dibuka.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="179"/>
        <source>Telaah</source>
        <translation>Telaah</translation>
    </message>
    <!-- REFI-QDA import: why something was skipped (SKIP_REASONS) -->
    <message>
        <source>Pictures are not imported: Telaah works with text only.</source>
        <translation>Gambar tidak diimpor: Telaah hanya mengolah teks.</translation>
    </message>
    <message>
        <source>Audio is not imported: Telaah works with text only (import a transcript).</source>
        <translation>Audio tidak diimpor: Telaah hanya mengolah teks (impor transkripnya).</translation>
    </message>
    <message>
        <source>Video is not imported: Telaah works with text only (import a transcript).</source>
        <translation>Video tidak diimpor: Telaah hanya mengolah teks (impor transkripnya).</translation>
    </message>
    <message>
        <source>A coding of an area of a PDF page (not of its text) is not imported.</source>
        <translation>Pengodean atas suatu area halaman PDF (bukan atas teksnya) tidak diimpor.</translation>
    </message>
    <message>
        <source>The source is a file outside the project archive, so it was not included.</source>
        <translation>Sumber ini berupa berkas di luar arsip proyek, sehingga tidak ikut diimpor.</translation>
    </message>
    <message>
        <source>The file of this source is missing from the project archive.</source>
        <translation>Berkas sumber ini tidak ada di dalam arsip proyek.</translation>
    </message>
    <message>
        <source>The text encoding of this source could not be recognised.</source>
        <translation>Pengodean teks (encoding) sumber ini tidak dapat dikenali.</translation>
    </message>
    <message>
        <source>This source could not be read.</source>
        <translation>Sumber ini tidak dapat dibaca.</translation>
    </message>
    <message>
        <source>This source holds no text.</source>
        <translation>Sumber ini tidak berisi teks.</translation>
    </message>
    <message>
        <source>The project file gives no text for this source (nor a file to read it from).</source>
        <translation>Berkas proyek tidak memuat teks untuk sumber ini (juga tidak menunjuk berkas untuk membacanya).</translation>
    </message>
    <message>
        <source>The coding refers to a code that the project does not define.</source>
        <translation>Pengodean ini merujuk ke kode yang tidak ada dalam proyek.</translation>
    </message>
    <message>
        <source>The coding selects no text (it starts where it ends).</source>
        <translation>Pengodean ini tidak memilih teks apa pun (awal dan akhirnya sama).</translation>
    </message>
    <message>
        <source>The coding&apos;s positions in the file are missing or not valid.</source>
        <translation>Posisi pengodean ini dalam berkas tidak ada atau tidak sah.</translation>
    </message>
    <message>
        <source>The same code on the same passage by the same coder is in the file twice; it was imported once.</source>
        <translation>Kode yang sama pada bagian teks yang sama oleh pengode yang sama tercantum dua kali dalam berkas; hanya diimpor sekali.</translation>
    </message>
    <message>
        <source>Variable values of a source are not imported: Telaah keeps attributes on cases.</source>
        <translation>Nilai variabel pada sumber tidak diimpor: Telaah menyimpan atribut pada kasus.</translation>
    </message>
    <message>
        <source>The value does not fit the type of its variable (a number, a date…).</source>
        <translation>Nilai ini tidak sesuai dengan jenis variabelnya (angka, tanggal…).</translation>
    </message>
    <message>
        <source>The value belongs to a variable that the project does not define.</source>
        <translation>Nilai ini milik variabel yang tidak ada dalam proyek.</translation>
    </message>
    <message>
        <source>The case refers to a source or a passage that was not imported.</source>
        <translation>Kasus ini merujuk ke sumber atau bagian teks yang tidak diimpor.</translation>
    </message>
    <message>
        <source>Sets are not imported: Telaah has no sets.</source>
        <translation>Set tidak diimpor: Telaah tidak memiliki set.</translation>
    </message>
    <message>
        <source>Links are not imported: Telaah has no links.</source>
        <translation>Tautan tidak diimpor: Telaah tidak memiliki tautan.</translation>
    </message>
    <message>
        <source>Graphs are not imported: Telaah has no graphs.</source>
        <translation>Diagram jaringan (graphs) tidak diimpor: Telaah tidak memiliki diagram jaringan.</translation>
    </message>
    <message>
        <source>The text of this source was read from its Word file, so its codings may be a few characters off: check them.</source>
        <translation>Teks sumber ini dibaca dari berkas Word-nya, sehingga pengodeannya bisa bergeser beberapa karakter: periksalah.</translation>
    </message>
    <!-- issue 13: text length limits -->
    <message>
        <source>The {0} is too long: at most {1} characters. Nothing was changed.</source>
        <translation>{0} terlalu panjang: paling banyak {1} karakter. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>The other copy was not merged: a passage in it (a coding, a paragraph or a case link) lies outside the text of its document. Nothing was changed.</source>
        <translation>Salinan lain tidak digabungkan. Ada bagian teks di salinan itu (pengodean, paragraf, atau tautan kasus) yang letaknya di luar teks dokumennya. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>The other copy was not merged: a text in it holds a NUL character, which no text may hold. Nothing was changed.</source>
        <translation>Salinan lain tidak digabungkan. Ada teks di salinan itu yang memuat karakter NUL, yang tidak boleh ada dalam teks apa pun. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>The other copy was not merged: one {0} in it is longer than {1} characters. Nothing was changed.</source>
        <translation>Salinan lain tidak digabungkan. {0} di salinan itu ada yang melebihi {1} karakter. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>coder name</source>
        <translation>Nama pengode</translation>
    </message>
    <message>
        <source>code name</source>
        <translation>Nama kode</translation>
    </message>
    <message>
        <source>codebook name</source>
        <translation>Nama buku kode</translation>
    </message>
    <message>
        <source>case name</source>
        <translation>Nama kasus</translation>
    </message>
    <message>
        <source>case alias</source>
        <translation>Alias kasus</translation>
    </message>
    <message>
        <source>attribute name</source>
        <translation>Nama atribut</translation>
    </message>
    <message>
        <source>document name</source>
        <translation>Nama dokumen</translation>
    </message>
    <message>
        <source>attribute value</source>
        <translation>Nilai atribut</translation>
    </message>
    <message>
        <source>definition</source>
        <translation>Definisi</translation>
    </message>
    <message>
        <source>cell summary</source>
        <translation>Ringkasan sel</translation>
    </message>
    <message>
        <source>memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>Komentar</translation>
    </message>
    <message>
        <source>search text</source>
        <translation>Teks pencarian</translation>
    </message>
    <message>
        <source>pattern</source>
        <translation>Pola</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>columns</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>cell contents</source>
        <translation>Isi sel</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>Warna</translation>
    </message>
    <message>
        <source>attribute type</source>
        <translation>Jenis atribut</translation>
    </message>
    <message>
        <source>date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>finding</source>
        <translation>Temuan</translation>
    </message>
    <message>
        <source>informant code</source>
        <translation>Kode informan</translation>
    </message>
    <message>
        <source>language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>stance</source>
        <translation>Sikap bukti</translation>
    </message>
    <message>
        <source>review status</source>
        <translation>Status tinjauan</translation>
    </message>
    <message>
        <source>role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Angka</translation>
    </message>
    <message>
        <source>study year</source>
        <translation>Tahun penelitian</translation>
    </message>
    <message>
        <source>parent code</source>
        <translation>Kode induk</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>Satuan</translation>
    </message>
    <message>
        <source>layout</source>
        <translation>Tata letak</translation>
    </message>
    <message>
        <source>number of quotes</source>
        <translation>Jumlah kutipan</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>codebook version</source>
        <translation>Versi buku kode</translation>
    </message>
    <message>
        <source>source type</source>
        <translation>Jenis sumber</translation>
    </message>
    <message>
        <source>segment kind</source>
        <translation>Jenis segmen</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>Pilih berkas dulu.</translation>
    </message>
    <message>
        <source>source</source>
        <translation>sumber</translation>
    </message>
    <message>
        <source>variable value</source>
        <translation>nilai variabel</translation>
    </message>
    <message>
        <source>case link</source>
        <translation>tautan kasus</translation>
    </message>
    <message>
        <source>sets</source>
        <translation>set</translation>
    </message>
    <message>
        <source>links</source>
        <translation>tautan</translation>
    </message>
    <message>
        <source>graphs</source>
        <translation>diagram jaringan</translation>
    </message>
    <message>
        <source>coders</source>
        <translation>pengode</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>dokumen</translation>
    </message>
    <message>
        <source>codebooks</source>
        <translation>buku kode</translation>
    </message>
    <message>
        <source>codes</source>
        <translation>kode</translation>
    </message>
    <message>
        <source>findings</source>
        <translation>temuan</translation>
    </message>
    <message>
        <source>attributes</source>
        <translation>atribut</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>kasus</translation>
    </message>
    <message>
        <source>attribute values</source>
        <translation>nilai atribut</translation>
    </message>
    <message>
        <source>case links</source>
        <translation>tautan kasus</translation>
    </message>
    <message>
        <source>codings</source>
        <translation>pengodean</translation>
    </message>
    <message>
        <source>coding memos</source>
        <translation>memo pengodean</translation>
    </message>
    <message>
        <source>starred quotes</source>
        <translation>kutipan ilustratif (★)</translation>
    </message>
    <message>
        <source>review marks</source>
        <translation>penilaian tinjauan</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>komentar</translation>
    </message>
    <message>
        <source>resolved questions</source>
        <translation>pertanyaan yang dituntaskan</translation>
    </message>
    <message>
        <source>memos</source>
        <translation>memo</translation>
    </message>
    <message>
        <source>cell summaries</source>
        <translation>ringkasan sel</translation>
    </message>
</context>
<context>
    <name>ExcerptModel</name>
    <message>
        <location filename="../workbench/excerpt_model.py" line="82"/>
        <source>Excerpt</source>
        <translation>Kutipan</translation>
    </message>
    <message>
        <location filename="../workbench/excerpt_model.py" line="83"/>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location filename="../workbench/excerpt_model.py" line="84"/>
        <source>Case</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <location filename="../workbench/excerpt_model.py" line="85"/>
        <source>Speaker</source>
        <translation>Pembicara</translation>
    </message>
    <message>
        <location filename="../analysis/models.py" line="320"/>
        <location filename="../workbench/excerpt_model.py" line="86"/>
        <source>Coder</source>
        <translation>Pengode</translation>
    </message>
    <message>
        <location filename="../analysis/models.py" line="320"/>
        <source>Quote</source>
        <translation>Kutipan</translation>
    </message>
    <message>
        <location filename="../analysis/models.py" line="320"/>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
</context>
<context>
    <name>ExcerptPanel</name>
    <message>
        <location filename="../workbench/panels.py" line="64"/>
        <source>Case:</source>
        <translation>Kasus:</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="65"/>
        <source>Coder:</source>
        <translation>Pengode:</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="66"/>
        <source>Document:</source>
        <translation>Dokumen:</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="67"/>
        <source>Speaker:</source>
        <translation>Pembicara:</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="98"/>
        <location filename="../workbench/panels.py" line="101"/>
        <location filename="../workbench/panels.py" line="102"/>
        <location filename="../workbench/panels.py" line="103"/>
        <source>any</source>
        <translation>semua</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="121"/>
        <source>Select a code to see its excerpts.</source>
        <translation>Pilih kode untuk melihat kutipannya.</translation>
    </message>
    <message numerus="yes">
        <location filename="../workbench/panels.py" line="123"/>
        <source>%n excerpt(s)</source>
        <translation>
            <numerusform>%n kutipan</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FailureModel</name>
    <message>
        <location filename="../dialogs/import_report.py" line="34"/>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <location filename="../dialogs/import_report.py" line="34"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>FiguresModel</name>
    <message>
        <location filename="../review/agreement_model.py" line="122"/>
        <source>.</source>
        <comment>decimal separator</comment>
        <translation>,</translation>
    </message>
    <message>
        <location filename="../review/agreement_model.py" line="52"/>
        <source>Overall</source>
        <extracomment>the raw value of a cell (a float, ``None`` for n/a, an int, or the code name) the code key of a row (&quot;&quot; for the overall row)</extracomment>
        <translation>Keseluruhan</translation>
    </message>
    <message>
        <location filename="../review/agreement_model.py" line="72"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../review/agreement_model.py" line="73"/>
        <source>Kappa</source>
        <translation>Kappa</translation>
    </message>
    <message>
        <location filename="../review/agreement_model.py" line="74"/>
        <source>Alpha</source>
        <translation>Alfa</translation>
    </message>
    <message>
        <location filename="../review/agreement_model.py" line="75"/>
        <source>Agreement on coded text</source>
        <translation>Kesepakatan pada teks yang dikodekan</translation>
    </message>
    <message>
        <location filename="../review/agreement_model.py" line="76"/>
        <source>Percent agreement (incl. uncoded text)</source>
        <translation>Persentase kesepakatan (termasuk teks yang tidak dikodekan)</translation>
    </message>
    <message>
        <location filename="../review/agreement_model.py" line="77"/>
        <location filename="../review/agreement_model.py" line="78"/>
        <source>Only {0}</source>
        <translation>Hanya {0}</translation>
    </message>
    <message>
        <location filename="../review/agreement_model.py" line="77"/>
        <source>Only A</source>
        <translation>Hanya A</translation>
    </message>
    <message>
        <location filename="../review/agreement_model.py" line="78"/>
        <source>Only B</source>
        <translation>Hanya B</translation>
    </message>
    <message>
        <location filename="../review/agreement_model.py" line="79"/>
        <source>Both</source>
        <translation>Keduanya</translation>
    </message>
    <message>
        <location filename="../review/agreement_model.py" line="84"/>
        <source>Cohen&apos;s kappa: agreement corrected for chance</source>
        <translation>Kappa Cohen: kesepakatan setelah dikurangi kesepakatan yang dapat terjadi secara kebetulan</translation>
    </message>
    <message>
        <location filename="../review/agreement_model.py" line="85"/>
        <source>Krippendorff&apos;s alpha (nominal)</source>
        <translation>Alfa Krippendorff (nominal)</translation>
    </message>
    <message>
        <location filename="../review/agreement_model.py" line="86"/>
        <source>Characters both coders coded, out of the characters either coder coded</source>
        <translation>Karakter yang dikodekan kedua pengode, dari semua karakter yang dikodekan salah satu pengode</translation>
    </message>
    <message>
        <location filename="../review/agreement_model.py" line="88"/>
        <source>Share of all characters both coders treat alike, uncoded text included: near 100% on long transcripts whatever the coders did; report kappa or alpha instead</source>
        <translation>Bagian semua karakter yang diperlakukan sama oleh kedua pengode, termasuk teks yang tidak dikodekan: mendekati 100% pada transkrip panjang apa pun yang dilakukan pengode; laporkan kappa atau alfa</translation>
    </message>
    <message>
        <location filename="../review/agreement_model.py" line="92"/>
        <source>Characters only the first coder coded</source>
        <translation>Karakter yang hanya dikodekan oleh pengode pertama</translation>
    </message>
    <message>
        <location filename="../review/agreement_model.py" line="93"/>
        <source>Characters only the second coder coded</source>
        <translation>Karakter yang hanya dikodekan oleh pengode kedua</translation>
    </message>
    <message>
        <location filename="../review/agreement_model.py" line="94"/>
        <source>Characters both coders coded</source>
        <translation>Karakter yang dikodekan oleh kedua pengode</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../dialogs/import_report.py" line="55"/>
        <source>Import finished</source>
        <translation>Impor selesai</translation>
    </message>
    <message numerus="yes">
        <location filename="../dialogs/import_report.py" line="58"/>
        <source>%n document(s) imported.</source>
        <translation>
            <numerusform>%n dokumen diimpor.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../dialogs/import_report.py" line="60"/>
        <source>%n file(s) could not be imported:</source>
        <translation>
            <numerusform>%n berkas tidak dapat diimpor:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Interchange</name>
    <message>
        <location filename="../workbench/interchange.py" line="50"/>
        <source>Export project (REFI-QDA)</source>
        <translation>Ekspor proyek (REFI-QDA)</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="52"/>
        <location filename="../workbench/interchange.py" line="84"/>
        <source>REFI-QDA project (*.qdpx)</source>
        <translation>Proyek REFI-QDA (*.qdpx)</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="66"/>
        <source>Exporting project…</source>
        <translation>Mengekspor proyek…</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="69"/>
        <source>Project exported to {0}</source>
        <translation>Proyek diekspor ke {0}</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="82"/>
        <source>Import a REFI-QDA project</source>
        <translation>Impor proyek REFI-QDA</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="90"/>
        <source>Save the imported project as</source>
        <translation>Simpan proyek hasil impor sebagai</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="92"/>
        <source>Telaah project (*.telaah)</source>
        <translation>Proyek Telaah (*.telaah)</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="100"/>
        <source>Importing project…</source>
        <translation>Mengimpor proyek…</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="108"/>
        <source>The project was created as {0}.</source>
        <translation>Proyek telah dibuat sebagai {0}.</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="110"/>
        <source>Not imported:</source>
        <translation>Tidak diimpor:</translation>
    </message>
    <message>
        <source>Imported, with a warning:</source>
        <translation>Diimpor, dengan peringatan:</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="112"/>
        <source>code “{0}”</source>
        <translation>kode “{0}”</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="114"/>
        <source>positions {0}–{1} in the file</source>
        <translation>posisi {0}–{1} dalam berkas</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="127"/>
        <source>Export codebook</source>
        <translation>Ekspor buku kode</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="127"/>
        <source>Codebook:</source>
        <translation>Buku kode:</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="133"/>
        <source>Export codebook (REFI-QDA)</source>
        <translation>Ekspor buku kode (REFI-QDA)</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="135"/>
        <location filename="../workbench/interchange.py" line="161"/>
        <source>REFI-QDA codebook (*.qdc)</source>
        <translation>Buku kode REFI-QDA (*.qdc)</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="148"/>
        <source>Codebook exported to {0}</source>
        <translation>Buku kode diekspor ke {0}</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="159"/>
        <source>Import a REFI-QDA codebook</source>
        <translation>Impor buku kode REFI-QDA</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>Copy its data into a clean file, {0}, leaving those objects out?</source>
        <translation>Salin datanya ke berkas bersih, {0}, tanpa objek-objek tersebut?</translation>
    </message>
    <message>
        <location filename="../launcher.py" line="165"/>
        <source>The backup {0} cannot be restored; the project was left as it is.</source>
        <translation>Cadangan {0} tidak dapat dipulihkan; proyek dibiarkan seperti semula.</translation>
    </message>
    <message>
        <location filename="../launcher.py" line="91"/>
        <source>No backup was found.</source>
        <extracomment>builds the main window of a project (``app.main.open_window``); raises project errors</extracomment>
        <translation>Tidak ada cadangan.</translation>
    </message>
    <message>
        <location filename="../launcher.py" line="100"/>
        <source>Open the newest backup ({0}) instead? The damaged file is kept as a copy.</source>
        <translation>Buka cadangan terbaru ({0}) sebagai gantinya? Berkas yang rusak disimpan sebagai salinan.</translation>
    </message>
    <message>
        <location filename="../launcher.py" line="115"/>
        <source>{0} was not found. It may have been moved, renamed or be on a drive that is not connected.

Remove it from the recent projects?</source>
        <translation>{0} tidak ditemukan. Mungkin berkas itu dipindahkan, diganti namanya, atau berada di drive yang tidak terhubung.

Hapus dari daftar proyek terakhir?</translation>
    </message>
    <message>
        <location filename="../launcher.py" line="136"/>
        <source>Open project</source>
        <translation>Buka proyek</translation>
    </message>
    <message>
        <location filename="../launcher.py" line="138"/>
        <source>Telaah project (*.telaah)</source>
        <translation>Proyek Telaah (*.telaah)</translation>
    </message>
    <message>
        <location filename="../launcher.py" line="168"/>
        <source>Building the sample study…</source>
        <translation>Menyiapkan studi contoh…</translation>
    </message>
    <message>
        <source>clean</source>
        <translation>bersih</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../main.py" line="109"/>
        <source>Password for {0}:</source>
        <translation>Kata sandi untuk {0}:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../workbench/window.py" line="131"/>
        <source>{0} – Telaah</source>
        <translation>{0} – Telaah</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="132"/>
        <source> (read-only)</source>
        <translation> (hanya baca)</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="151"/>
        <source>Show turns of:</source>
        <translation>Tampilkan giliran:</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="197"/>
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="210"/>
        <source>Codes</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="215"/>
        <source>Edit memo</source>
        <translation>Sunting memo</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="218"/>
        <location filename="../workbench/window.py" line="648"/>
        <source>Star quote</source>
        <translation>Beri bintang pada kutipan</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="222"/>
        <location filename="../workbench/window.py" line="500"/>
        <source>Change evidence stance</source>
        <translation>Ubah sikap bukti</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="228"/>
        <source>Coding details</source>
        <translation>Rincian pengodean</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="231"/>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="245"/>
        <source>Excerpts</source>
        <translation>Kutipan</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="246"/>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="251"/>
        <source>Review</source>
        <translation>Tinjauan</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="252"/>
        <source>Open questions</source>
        <translation>Pertanyaan belum tuntas</translation>
    </message>
    <message numerus="yes">
        <location filename="../workbench/window.py" line="255"/>
        <source>Open questions (%n)</source>
        <translation>
            <numerusform>Pertanyaan belum tuntas (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="258"/>
        <source>Excerpts, search and review</source>
        <translation>Kutipan, pencarian, dan tinjauan</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="361"/>
        <source>all speakers</source>
        <translation>semua pembicara</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="416"/>
        <source>Select some text in the transcript first.</source>
        <translation>Pilih dulu teks di transkrip.</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="422"/>
        <source>Apply “{0}”</source>
        <translation>Terapkan “{0}”</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="440"/>
        <source>Choose a code in the code tree first.</source>
        <translation>Pilih dulu kode di pohon kode.</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="459"/>
        <source>Keys 1–9: recent codes</source>
        <translation>Tombol 1–9: kode terakhir</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="469"/>
        <source>Select the words to name the code with.</source>
        <translation>Pilih kata yang akan menjadi nama kode.</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="483"/>
        <source>Choose the new code in the code tree first.</source>
        <translation>Pilih dulu kode baru di pohon kode.</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="486"/>
        <source>Re-code</source>
        <translation>Ganti kode</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="494"/>
        <source>Choose a coding first (click its stripe or place the cursor in it).</source>
        <translation>Pilih pengodean dulu (klik garis kodenya atau letakkan kursor di dalamnya).</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="631"/>
        <source>Assign selection to a case…</source>
        <translation>Tautkan pilihan ke kasus…</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="637"/>
        <source>Remove coding</source>
        <translation>Hapus pengodean</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="638"/>
        <source>Re-code with current code</source>
        <translation>Ganti dengan kode yang dipilih</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="640"/>
        <source>Remove star</source>
        <translation>Hapus bintang</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="640"/>
        <source>Star as illustrative</source>
        <translation>Beri bintang (kutipan ilustratif)</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="660"/>
        <source>Import documents</source>
        <translation>Impor dokumen</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="662"/>
        <source>Documents (*.docx *.pdf *.txt *.md *.odt *.rtf);;All files (*)</source>
        <translation>Dokumen (*.docx *.pdf *.txt *.md *.odt *.rtf);;Semua berkas (*)</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="677"/>
        <source>Importing documents…</source>
        <translation>Mengimpor dokumen…</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="687"/>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Dibatalkan. Tidak ada yang berubah.</translation>
    </message>
    <message numerus="yes">
        <location filename="../workbench/window.py" line="702"/>
        <source>%n document(s) imported.</source>
        <translation>
            <numerusform>%n dokumen diimpor.</numerusform>
        </translation>
    </message>
    <message>
        <source>Coder: {0}</source>
        <translation>Pengode: {0}</translation>
    </message>
    <message>
        <location filename="../workbench/window.py" line="724"/>
        <source>Source type, title and date…</source>
        <translation>Jenis sumber, judul dan tanggal…</translation>
    </message>
    <message>
        <source>team server</source>
        <translation>server tim</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>hanya baca</translation>
    </message>
    <message>
        <source>{0}{1} – Telaah</source>
        <translation>{0}{1} – Telaah</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message numerus="yes">
        <location filename="../analysis/models.py" line="275"/>
        <source>%n quote(s)</source>
        <translation>
            <numerusform>%n kutipan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../analysis/models.py" line="284"/>
        <source>does not happen: %n</source>
        <translation>
            <numerusform>tidak terjadi: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../analysis/models.py" line="286"/>
        <source>barriers: %n</source>
        <translation>
            <numerusform>hambatan: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemoCommands</name>
    <message>
        <location filename="../commands/memos.py" line="21"/>
        <source>Edit memo</source>
        <translation>Sunting memo</translation>
    </message>
</context>
<context>
    <name>MemoPanel</name>
    <message>
        <location filename="../workbench/memo_panel.py" line="79"/>
        <source>Memo on the document</source>
        <extracomment>a memo&apos;s target can vanish with its code, document or case; memos change by themselves</extracomment>
        <translation>Memo dokumen</translation>
    </message>
    <message>
        <location filename="../workbench/memo_panel.py" line="80"/>
        <source>Memo on the code</source>
        <translation>Memo kode</translation>
    </message>
    <message>
        <location filename="../workbench/memo_panel.py" line="81"/>
        <source>Memo on the case</source>
        <translation>Memo kasus</translation>
    </message>
    <message>
        <location filename="../workbench/memo_panel.py" line="82"/>
        <source>Project memo</source>
        <translation>Memo proyek</translation>
    </message>
    <message>
        <location filename="../workbench/memo_panel.py" line="86"/>
        <source>Last written by {0}, {1}</source>
        <translation>Terakhir ditulis oleh {0}, {1}</translation>
    </message>
    <message>
        <location filename="../workbench/memo_panel.py" line="111"/>
        <source>Save memo</source>
        <translation>Simpan memo</translation>
    </message>
    <message>
        <location filename="../workbench/memo_panel.py" line="113"/>
        <source>What do you notice here? Ideas, doubts, links to theory…</source>
        <translation>Apa yang Anda perhatikan di sini? Gagasan, keraguan, kaitan dengan teori…</translation>
    </message>
</context>
<context>
    <name>MergeCopy</name>
    <message>
        <location filename="../workbench/interchange.py" line="186"/>
        <source>Merge another copy of this project</source>
        <translation>Gabungkan salinan lain dari proyek ini</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="188"/>
        <source>Telaah project (*.telaah)</source>
        <translation>Proyek Telaah (*.telaah)</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="204"/>
        <source>Merging {0}…</source>
        <translation>Menggabungkan {0}…</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="215"/>
        <source>Merged from {0}: {1}.</source>
        <translation>Digabungkan dari {0}: {1}.</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="217"/>
        <source>{0} holds nothing new.</source>
        <translation>{0} tidak berisi hal baru.</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="219"/>
        <source>Differences kept as they are in this project:</source>
        <translation>Perbedaan yang dibiarkan seperti di proyek ini:</translation>
    </message>
    <message>
        <location filename="../workbench/interchange.py" line="222"/>
        <source>A backup from before the merge: {0}</source>
        <translation>Cadangan sebelum penggabungan: {0}</translation>
    </message>
</context>
<context>
    <name>NewProject</name>
    <message>
        <location filename="../start/codebook_choices.py" line="59"/>
        <source>{0} ({1} codes)</source>
        <translation>{0} ({1} kode)</translation>
    </message>
    <message>
        <location filename="../start/codebook_choices.py" line="121"/>
        <source>group</source>
        <translation>kelompok</translation>
    </message>
    <message>
        <location filename="../start/codebook_choices.py" line="122"/>
        <source>role</source>
        <translation>peran</translation>
    </message>
    <message>
        <location filename="../start/codebook_choices.py" line="123"/>
        <source>institution</source>
        <translation>instansi</translation>
    </message>
    <message>
        <location filename="../start/codebook_choices.py" line="124"/>
        <source>gender</source>
        <translation>jenis kelamin</translation>
    </message>
    <message>
        <location filename="../start/codebook_choices.py" line="125"/>
        <source>interview date</source>
        <translation>tanggal wawancara</translation>
    </message>
    <message>
        <location filename="../start/codebook_choices.py" line="126"/>
        <source>place</source>
        <translation>tempat</translation>
    </message>
    <message>
        <location filename="../start/codebook_choices.py" line="132"/>
        <source>text</source>
        <translation>teks</translation>
    </message>
    <message>
        <location filename="../start/codebook_choices.py" line="133"/>
        <source>number</source>
        <translation>angka</translation>
    </message>
    <message>
        <location filename="../start/codebook_choices.py" line="134"/>
        <source>date</source>
        <translation>tanggal</translation>
    </message>
    <message>
        <location filename="../start/codebook_choices.py" line="135"/>
        <source>category</source>
        <translation>kategori</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <location filename="../start/new_project.py" line="203"/>
        <source>My study</source>
        <translation>Penelitian saya</translation>
    </message>
    <message>
        <location filename="../start/new_project.py" line="210"/>
        <source>New project</source>
        <translation>Proyek baru</translation>
    </message>
    <message>
        <location filename="../start/new_project.py" line="211"/>
        <source>Name:</source>
        <translation>Nama:</translation>
    </message>
    <message>
        <location filename="../start/new_project.py" line="212"/>
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <location filename="../start/new_project.py" line="213"/>
        <source>File:</source>
        <translation>Berkas:</translation>
    </message>
    <message>
        <location filename="../start/new_project.py" line="214"/>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <location filename="../start/new_project.py" line="215"/>
        <source>Theory codebooks to include</source>
        <translation>Buku kode teori yang disertakan</translation>
    </message>
    <message>
        <location filename="../start/new_project.py" line="218"/>
        <source>Tick the theories your study uses; their codes and indicators are added with definitions and references. You can add or write codebooks later.</source>
        <translation>Centang teori yang dipakai penelitian Anda; kode dan indikatornya ditambahkan beserta definisi dan rujukannya. Buku kode lain bisa ditambahkan atau ditulis nanti.</translation>
    </message>
    <message>
        <location filename="../start/new_project.py" line="222"/>
        <source>Informant names in exports</source>
        <translation>Nama informan dalam ekspor</translation>
    </message>
    <message>
        <location filename="../start/new_project.py" line="223"/>
        <source>Aliases (Informan 1, Informan 2, …)</source>
        <translation>Nama samaran (Informan 1, Informan 2, …)</translation>
    </message>
    <message>
        <location filename="../start/new_project.py" line="224"/>
        <source>Real names</source>
        <translation>Nama asli</translation>
    </message>
    <message>
        <location filename="../start/new_project.py" line="225"/>
        <source>Informant attributes</source>
        <translation>Atribut informan</translation>
    </message>
    <message>
        <location filename="../start/new_project.py" line="227"/>
        <source>What you record about each informant. Edit, add or remove as you need.</source>
        <translation>Hal yang Anda catat tentang setiap informan. Ubah, tambah, atau hapus sesuai kebutuhan.</translation>
    </message>
    <message>
        <location filename="../start/new_project.py" line="229"/>
        <source>Add attribute</source>
        <translation>Tambah atribut</translation>
    </message>
    <message>
        <location filename="../start/new_project.py" line="230"/>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../start/new_project.py" line="232"/>
        <source>Create project</source>
        <translation>Buat proyek</translation>
    </message>
    <message>
        <location filename="../start/new_project.py" line="268"/>
        <source>Folder for the project</source>
        <translation>Folder untuk proyek</translation>
    </message>
    <message>
        <location filename="../start/new_project.py" line="301"/>
        <source>Give the project a name.</source>
        <translation>Beri nama proyek.</translation>
    </message>
    <message>
        <location filename="../start/new_project.py" line="305"/>
        <source>A file called {0} is already in that folder. Choose another name.</source>
        <translation>Berkas bernama {0} sudah ada di folder itu. Pilih nama lain.</translation>
    </message>
</context>
<context>
    <name>OpenQuestionModel</name>
    <message>
        <location filename="../review/models.py" line="298"/>
        <source>Excerpt</source>
        <translation>Kutipan</translation>
    </message>
    <message>
        <location filename="../review/models.py" line="299"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../review/models.py" line="300"/>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location filename="../review/models.py" line="301"/>
        <source>Asked by</source>
        <translation>Ditanyakan oleh</translation>
    </message>
    <message>
        <location filename="../review/models.py" line="302"/>
        <source>Last comment</source>
        <translation>Komentar terakhir</translation>
    </message>
    <message>
        <location filename="../review/models.py" line="322"/>
        <source>(no comment yet)</source>
        <translation>(belum ada komentar)</translation>
    </message>
</context>
<context>
    <name>OpenQuestionsList</name>
    <message>
        <location filename="../review/questions.py" line="126"/>
        <source>Write your answer…</source>
        <extracomment>the number of open questions changed (for a tab or dock title)</extracomment>
        <translation>Tulis jawaban Anda…</translation>
    </message>
    <message>
        <location filename="../review/questions.py" line="127"/>
        <source>Answer</source>
        <translation>Jawab</translation>
    </message>
    <message>
        <location filename="../review/questions.py" line="128"/>
        <source>Resolve</source>
        <translation>Selesaikan</translation>
    </message>
    <message>
        <location filename="../review/questions.py" line="130"/>
        <source>Close the question: it leaves this list (Undo brings it back)</source>
        <translation>Tutup pertanyaan: pertanyaan keluar dari daftar ini (Urungkan mengembalikannya)</translation>
    </message>
    <message>
        <location filename="../review/questions.py" line="132"/>
        <source>Show in transcript</source>
        <translation>Tampilkan di transkrip</translation>
    </message>
    <message numerus="yes">
        <location filename="../review/questions.py" line="166"/>
        <source>%n open question(s) from your reviewer.</source>
        <translation>
            <numerusform>%n pertanyaan dari peninjau Anda belum tuntas.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../review/questions.py" line="168"/>
        <source>No open questions.</source>
        <translation>Tidak ada pertanyaan yang belum tuntas.</translation>
    </message>
    <message>
        <location filename="../review/questions.py" line="197"/>
        <source>Nothing to answer. Well done!</source>
        <translation>Tidak ada yang perlu dijawab. Bagus!</translation>
    </message>
    <message>
        <location filename="../review/questions.py" line="206"/>
        <source>{0} questioned this excerpt ({1}):</source>
        <translation>{0} mempertanyakan kutipan ini ({1}):</translation>
    </message>
</context>
<context>
    <name>OpenServerDialog</name>
    <message>
        <source>Open server project</source>
        <translation>Buka proyek server</translation>
    </message>
    <message>
        <source>Recent servers</source>
        <translation>Server terakhir</translation>
    </message>
    <message>
        <source>empty: PGPASSWORD or ~/.pgpass</source>
        <translation>kosong: PGPASSWORD atau ~/.pgpass</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Basis data</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>The password is used for this connection only; Telaah never stores it. Your login is your coder name in the team.</source>
        <translation>Kata sandi hanya dipakai untuk koneksi ini; Telaah tidak pernah menyimpannya. Login Anda menjadi nama pengode Anda dalam tim.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Enter the name of the project's database.</source>
        <translation>Masukkan nama basis data proyek.</translation>
    </message>
    <message>
        <source>Enter the password for {0}.</source>
        <translation>Masukkan kata sandi untuk {0}.</translation>
    </message>
</context>
<context>
    <name>PresenceLabel</name>
    <message>
        <source>Also connected: {0}</source>
        <translation>Juga terhubung: {0}</translation>
    </message>
    <message>
        <source>Nobody else connected</source>
        <translation>Tidak ada orang lain yang terhubung</translation>
    </message>
    <message numerus="yes">
        <source>{0}: %n connection(s)</source>
        <translation>
            <numerusform>{0}: %n koneksi</numerusform>
        </translation>
    </message>
    <message>
        <source>Others on the team server now (refreshed every 10 s):</source>
        <translation>Yang lain di server tim saat ini (diperbarui tiap 10 detik):</translation>
    </message>
</context>
<context>
    <name>ProjectSettingsDialog</name>
    <message>
        <location filename="../dialogs/project_settings.py" line="71"/>
        <source>Coders and export settings</source>
        <translation>Pengode dan pengaturan ekspor</translation>
    </message>
    <message>
        <location filename="../dialogs/project_settings.py" line="74"/>
        <source>Coders</source>
        <translation>Pengode</translation>
    </message>
    <message>
        <location filename="../dialogs/project_settings.py" line="75"/>
        <source>Exports</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <location filename="../dialogs/project_settings.py" line="99"/>
        <source>Set role</source>
        <translation>Tetapkan peran</translation>
    </message>
    <message>
        <location filename="../dialogs/project_settings.py" line="102"/>
        <source>Role of the selected coder:</source>
        <translation>Peran pengode yang dipilih:</translation>
    </message>
    <message>
        <location filename="../dialogs/project_settings.py" line="107"/>
        <source>Summaries, matrices and Word tables count the codings of primary coders only (one excerpt however many of them coded a passage). A supervisor who codes a few transcripts to check agreement is a second coder.</source>
        <translation>Ringkasan, matriks dan tabel Word hanya menghitung pengodean pengode utama (satu kutipan, berapa pun pengode yang mengodekan bagian itu). Pembimbing yang mengodekan beberapa transkrip untuk uji kesepakatan adalah pengode kedua.</translation>
    </message>
    <message>
        <location filename="../dialogs/project_settings.py" line="153"/>
        <source>Aliases (Informan 1, Informan 2, …)</source>
        <translation>Alias (Informan 1, Informan 2, …)</translation>
    </message>
    <message>
        <location filename="../dialogs/project_settings.py" line="155"/>
        <source>Real names</source>
        <translation>Nama sebenarnya</translation>
    </message>
    <message>
        <location filename="../dialogs/project_settings.py" line="167"/>
        <source>from the data</source>
        <translation>dari data</translation>
    </message>
    <message>
        <location filename="../dialogs/project_settings.py" line="170"/>
        <source>e.g. Camat; Lurah; Kepala Dinas</source>
        <translation>mis. Camat; Lurah; Kepala Dinas</translation>
    </message>
    <message>
        <location filename="../dialogs/project_settings.py" line="175"/>
        <source>built-in wording; {year} stands for the year</source>
        <translation>kalimat bawaan; {year} diganti tahun</translation>
    </message>
    <message>
        <location filename="../dialogs/project_settings.py" line="177"/>
        <source>Names in exports:</source>
        <translation>Nama di ekspor:</translation>
    </message>
    <message>
        <location filename="../dialogs/project_settings.py" line="178"/>
        <source>Study year in source lines:</source>
        <translation>Tahun penelitian di baris sumber:</translation>
    </message>
    <message>
        <location filename="../dialogs/project_settings.py" line="179"/>
        <source>Roles that identify a person:</source>
        <translation>Jabatan yang mengungkap identitas:</translation>
    </message>
    <message>
        <location filename="../dialogs/project_settings.py" line="180"/>
        <source>Source line, interviews and observations:</source>
        <translation>Baris sumber, wawancara dan observasi:</translation>
    </message>
    <message>
        <location filename="../dialogs/project_settings.py" line="181"/>
        <source>Source line, documents and news:</source>
        <translation>Baris sumber, dokumen dan berita:</translation>
    </message>
    <message>
        <location filename="../dialogs/project_settings.py" line="182"/>
        <source>Source line, both:</source>
        <translation>Baris sumber, keduanya:</translation>
    </message>
    <message>
        <location filename="../dialogs/project_settings.py" line="183"/>
        <source>Save export settings</source>
        <translation>Simpan pengaturan ekspor</translation>
    </message>
    <message>
        <location filename="../dialogs/project_settings.py" line="188"/>
        <source>With aliases no real name appears in any export: informants by alias, documents by their title, identifying roles by the informant group.</source>
        <translation>Dengan alias tidak ada nama sebenarnya di ekspor mana pun: informan ditulis dengan alias, dokumen dengan judulnya, jabatan yang mengungkap identitas dengan kelompok informannya.</translation>
    </message>
</context>
<context>
    <name>RecentProjectsModel</name>
    <message>
        <location filename="../start/recent.py" line="83"/>
        <source>Project</source>
        <translation>Proyek</translation>
    </message>
    <message>
        <location filename="../start/recent.py" line="83"/>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../start/recent.py" line="83"/>
        <source>Last opened</source>
        <translation>Terakhir dibuka</translation>
    </message>
    <message>
        <location filename="../start/recent.py" line="104"/>
        <source>not found</source>
        <translation>tidak ditemukan</translation>
    </message>
    <message>
        <location filename="../start/recent.py" line="110"/>
        <source>{0} was not found (moved, renamed or on a drive not connected).</source>
        <translation>{0} tidak ditemukan (dipindahkan, diganti namanya, atau di drive yang tidak terhubung).</translation>
    </message>
</context>
<context>
    <name>RecentServersModel</name>
    <message>
        <source>Database</source>
        <translation>Basis data</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Last opened</source>
        <translation>Terakhir dibuka</translation>
    </message>
</context>
<context>
    <name>ReviewCommands</name>
    <message>
        <location filename="../review/commands.py" line="30"/>
        <source>Mark agreed</source>
        <translation>Setujui</translation>
    </message>
    <message>
        <location filename="../review/commands.py" line="31"/>
        <source>Mark questioned</source>
        <translation>Pertanyakan</translation>
    </message>
    <message>
        <location filename="../review/commands.py" line="32"/>
        <source>Clear review mark</source>
        <translation>Hapus penilaian tinjauan</translation>
    </message>
    <message>
        <location filename="../review/commands.py" line="71"/>
        <source>Resolve question</source>
        <translation>Selesaikan pertanyaan</translation>
    </message>
    <message>
        <location filename="../review/commands.py" line="73"/>
        <source>Reopen question</source>
        <translation>Buka kembali pertanyaan</translation>
    </message>
    <message>
        <location filename="../review/commands.py" line="99"/>
        <source>Add comment</source>
        <translation>Tambah komentar</translation>
    </message>
</context>
<context>
    <name>ReviewDetail</name>
    <message>
        <location filename="../review/detail.py" line="25"/>
        <source>agreed</source>
        <translation>disetujui</translation>
    </message>
    <message>
        <location filename="../review/detail.py" line="26"/>
        <source>questioned</source>
        <translation>dipertanyakan</translation>
    </message>
    <message>
        <location filename="../review/detail.py" line="33"/>
        <source>Not reviewed yet.</source>
        <translation>Belum ditinjau.</translation>
    </message>
    <message>
        <location filename="../review/detail.py" line="38"/>
        <source>{0} {1} by {2}</source>
        <translation>{0} {1} oleh {2}</translation>
    </message>
    <message>
        <location filename="../review/detail.py" line="51"/>
        <source>{0} — coded by {1}</source>
        <translation>{0} — dikodekan oleh {1}</translation>
    </message>
    <message>
        <location filename="../review/detail.py" line="62"/>
        <source>Memo: {0}</source>
        <translation>Memo: {0}</translation>
    </message>
    <message>
        <location filename="../review/detail.py" line="73"/>
        <source>No comments yet.</source>
        <translation>Belum ada komentar.</translation>
    </message>
    <message>
        <location filename="../review/detail.py" line="89"/>
        <source>resolved</source>
        <translation>selesai</translation>
    </message>
    <message>
        <location filename="../review/detail.py" line="91"/>
        <source>open</source>
        <translation>belum tuntas</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../review/panel.py" line="156"/>
        <source>Browse by:</source>
        <extracomment>what the panel shows: excerpts (codings of codes, by case) and their review state</extracomment>
        <translation>Telusuri menurut:</translation>
    </message>
    <message>
        <location filename="../review/panel.py" line="160"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../review/panel.py" line="161"/>
        <source>Informant</source>
        <translation>Informan</translation>
    </message>
    <message>
        <location filename="../review/panel.py" line="181"/>
        <source>Reviewing as: {0}</source>
        <translation>Meninjau sebagai: {0}</translation>
    </message>
    <message>
        <location filename="../review/panel.py" line="165"/>
        <source>✓ Agree</source>
        <translation>✓ Setuju</translation>
    </message>
    <message>
        <location filename="../review/panel.py" line="166"/>
        <source>Mark the selected excerpts agreed (Ctrl+Alt+A)</source>
        <translation>Setujui kutipan terpilih (Ctrl+Alt+A)</translation>
    </message>
    <message>
        <location filename="../review/panel.py" line="167"/>
        <source>? Question</source>
        <translation>? Pertanyakan</translation>
    </message>
    <message>
        <location filename="../review/panel.py" line="168"/>
        <source>Mark the selected excerpts questioned (Ctrl+Alt+Q)</source>
        <translation>Pertanyakan kutipan terpilih (Ctrl+Alt+Q)</translation>
    </message>
    <message>
        <location filename="../review/panel.py" line="169"/>
        <source>Clear mark</source>
        <translation>Hapus penilaian</translation>
    </message>
    <message>
        <location filename="../review/panel.py" line="170"/>
        <source>Remove your mark from the selected excerpts</source>
        <translation>Hapus penilaian Anda dari kutipan terpilih</translation>
    </message>
    <message>
        <location filename="../review/panel.py" line="171"/>
        <location filename="../review/panel.py" line="173"/>
        <source>Add comment</source>
        <translation>Tambah komentar</translation>
    </message>
    <message>
        <location filename="../review/panel.py" line="172"/>
        <source>Show in transcript</source>
        <translation>Tampilkan di transkrip</translation>
    </message>
    <message>
        <location filename="../review/panel.py" line="174"/>
        <source>Send the comment (Ctrl+Return)</source>
        <translation>Kirim komentar (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../review/panel.py" line="175"/>
        <source>Write a comment or a question for the coder…</source>
        <translation>Tulis komentar atau pertanyaan untuk pengode…</translation>
    </message>
    <message>
        <location filename="../review/panel.py" line="241"/>
        <source>{0} excerpts · ✓ {1} agreed · ? {2} questioned</source>
        <translation>{0} kutipan · ✓ {1} disetujui · ? {2} dipertanyakan</translation>
    </message>
    <message>
        <location filename="../review/panel.py" line="293"/>
        <source>Open a code or an informant and choose an excerpt to review.</source>
        <translation>Buka sebuah kode atau informan, lalu pilih kutipan untuk ditinjau.</translation>
    </message>
    <message>
        <location filename="../review/panel.py" line="304"/>
        <source>Discussion</source>
        <translation>Diskusi</translation>
    </message>
</context>
<context>
    <name>ReviewReport</name>
    <message>
        <location filename="../review/report.py" line="51"/>
        <source>Save the review report</source>
        <translation>Simpan laporan tinjauan</translation>
    </message>
    <message>
        <location filename="../review/report.py" line="53"/>
        <source>Word documents (*.docx)</source>
        <translation>Dokumen Word (*.docx)</translation>
    </message>
    <message>
        <location filename="../review/report.py" line="67"/>
        <source>Review report</source>
        <translation>Laporan tinjauan</translation>
    </message>
    <message>
        <location filename="../review/report.py" line="68"/>
        <source>The report was saved to {0}.</source>
        <translation>Laporan disimpan ke {0}.</translation>
    </message>
</context>
<context>
    <name>ReviewTreeModel</name>
    <message>
        <location filename="../review/models.py" line="124"/>
        <source>Without informant (other documents)</source>
        <translation>Tanpa informan (dokumen lain)</translation>
    </message>
    <message>
        <location filename="../review/models.py" line="193"/>
        <source>Excerpt</source>
        <translation>Kutipan</translation>
    </message>
    <message>
        <location filename="../review/models.py" line="194"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../review/models.py" line="195"/>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <location filename="../review/models.py" line="196"/>
        <source>Coder</source>
        <translation>Pengode</translation>
    </message>
    <message>
        <location filename="../review/models.py" line="197"/>
        <source>Review</source>
        <translation>Tinjauan</translation>
    </message>
    <message>
        <location filename="../review/models.py" line="198"/>
        <source>Comments</source>
        <translation>Komentar</translation>
    </message>
    <message>
        <location filename="../review/models.py" line="223"/>
        <source>{0} of {1} excerpts agreed, {2} questioned</source>
        <translation>{0} dari {1} kutipan disetujui, {2} dipertanyakan</translation>
    </message>
    <message>
        <location filename="../review/models.py" line="254"/>
        <source>{0} (open)</source>
        <translation>{0} (belum tuntas)</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>The pattern has {0} hits. Code all of them with “{1}”?</source>
        <translation>Pola ini memiliki {0} hasil. Kodekan semuanya dengan “{1}”?</translation>
    </message>
    <message>
        <source>Code all hits</source>
        <translation>Kodekan semua hasil</translation>
    </message>
    <message>
        <location filename="../workbench/search_actions.py" line="43"/>
        <source>Choose a code in the code tree first.</source>
        <translation>Pilih dulu kode di pohon kode.</translation>
    </message>
    <message>
        <location filename="../workbench/search_actions.py" line="57"/>
        <source>Coding all hits…</source>
        <translation>Mengodekan semua hasil…</translation>
    </message>
    <message>
        <location filename="../workbench/search_actions.py" line="65"/>
        <source>Code all hits with “{0}”</source>
        <translation>Kodekan semua hasil dengan “{0}”</translation>
    </message>
    <message numerus="yes">
        <location filename="../workbench/search_actions.py" line="68"/>
        <source>%n passage(s) coded.</source>
        <translation>
            <numerusform>%n bagian dikodekan.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchHitModel</name>
    <message>
        <location filename="../workbench/search_model.py" line="29"/>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location filename="../workbench/search_model.py" line="29"/>
        <source>Context</source>
        <translation>Konteks</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Code every hit with “{0}”</source>
        <translation>Kodekan setiap hasil dengan “{0}”</translation>
    </message>
    <message>
        <source>Code all hits as «{0}»</source>
        <translation>Kodekan semua hasil sebagai «{0}»</translation>
    </message>
    <message>
        <source>Choose a code in the code tree first.</source>
        <translation>Pilih dulu kode di pohon kode.</translation>
    </message>
    <message>
        <source>Skip the hits in the interviewer’s turns (Peneliti, Pewawancara, P, Q…)</source>
        <translation>Lewati hasil pada giliran pewawancara (Peneliti, Pewawancara, P, Q…)</translation>
    </message>
    <message>
        <source>Informant turns only</source>
        <translation>Hanya giliran informan</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="156"/>
        <source>Word, phrase or pattern</source>
        <translation>Kata, frasa, atau pola</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="157"/>
        <source>Regular expression</source>
        <translation>Ekspresi reguler</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="159"/>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="164"/>
        <source>the match</source>
        <translation>kata yang cocok</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="165"/>
        <source>its sentence</source>
        <translation>kalimatnya</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="166"/>
        <source>its paragraph</source>
        <translation>paragrafnya</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="167"/>
        <source>its speaker turn</source>
        <translation>giliran bicaranya</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="171"/>
        <source>Code all hits</source>
        <translation>Kodekan semua hasil</translation>
    </message>
    <message>
        <location filename="../workbench/panels.py" line="179"/>
        <source>Code:</source>
        <translation>Kodekan:</translation>
    </message>
    <message numerus="yes">
        <location filename="../workbench/panels.py" line="208"/>
        <source>%n hit(s) shown, more as you scroll</source>
        <translation>
            <numerusform>%n hasil ditampilkan, gulir untuk melihat lebih banyak</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../workbench/panels.py" line="208"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hasil</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../workbench/panels.py" line="208"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n dokumen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsCommands</name>
    <message>
        <location filename="../commands/settings.py" line="25"/>
        <source>Change coder role</source>
        <translation>Ubah peran pengode</translation>
    </message>
    <message>
        <location filename="../commands/settings.py" line="46"/>
        <source>Change export settings</source>
        <translation>Ubah pengaturan ekspor</translation>
    </message>
    <message>
        <location filename="../commands/settings.py" line="65"/>
        <source>Change document source</source>
        <translation>Ubah sumber dokumen</translation>
    </message>
</context>
<context>
    <name>SourceType</name>
    <message>
        <location filename="../analysis/models.py" line="51"/>
        <source>Interview</source>
        <extracomment>Roles carrying raw values for views and tests.</extracomment>
        <translation>Wawancara</translation>
    </message>
    <message>
        <location filename="../analysis/models.py" line="52"/>
        <source>Observation</source>
        <translation>Observasi</translation>
    </message>
    <message>
        <location filename="../analysis/models.py" line="53"/>
        <source>Focus group</source>
        <translation>FGD</translation>
    </message>
    <message>
        <location filename="../analysis/models.py" line="54"/>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location filename="../analysis/models.py" line="55"/>
        <source>News</source>
        <translation>Berita</translation>
    </message>
    <message>
        <location filename="../analysis/models.py" line="56"/>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
</context>
<context>
    <name>Stance</name>
    <message>
        <location filename="../analysis/models.py" line="70"/>
        <source>[does not happen] </source>
        <translation>[tidak terjadi] </translation>
    </message>
    <message>
        <location filename="../analysis/models.py" line="72"/>
        <source>[barrier] </source>
        <translation>[hambatan] </translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../start/window.py" line="136"/>
        <source>Welcome to Telaah</source>
        <translation>Selamat datang di Telaah</translation>
    </message>
    <message>
        <location filename="../start/window.py" line="139"/>
        <source>A project holds your transcripts, codebooks, cases and codings in one file. Start a new one for your study, open one you already have, or look around in the sample study (twelve fictional interviews, already coded).</source>
        <translation>Satu proyek menyimpan transkrip, buku kode, kasus, dan pengodean Anda dalam satu berkas. Buat proyek baru untuk penelitian Anda, buka proyek yang sudah ada, atau lihat-lihat studi contoh (dua belas wawancara fiktif yang sudah dikodekan).</translation>
    </message>
    <message>
        <location filename="../start/window.py" line="144"/>
        <source>New project…</source>
        <translation>Proyek baru…</translation>
    </message>
    <message>
        <location filename="../start/window.py" line="145"/>
        <source>Create a project file for your study</source>
        <translation>Buat berkas proyek untuk penelitian Anda</translation>
    </message>
    <message>
        <location filename="../start/window.py" line="146"/>
        <source>Open project…</source>
        <translation>Buka proyek…</translation>
    </message>
    <message>
        <location filename="../start/window.py" line="147"/>
        <source>Open a .telaah file</source>
        <translation>Buka berkas .telaah</translation>
    </message>
    <message>
        <location filename="../start/window.py" line="148"/>
        <source>Open the sample study</source>
        <translation>Buka studi contoh</translation>
    </message>
    <message>
        <location filename="../start/window.py" line="149"/>
        <source>Twelve fictional interviews, coded, to try things</source>
        <translation>Dua belas wawancara fiktif yang sudah dikodekan, untuk mencoba-coba</translation>
    </message>
    <message>
        <location filename="../start/window.py" line="150"/>
        <source>Remove from the list</source>
        <translation>Hapus dari daftar</translation>
    </message>
    <message>
        <location filename="../start/window.py" line="151"/>
        <source>Recent projects</source>
        <translation>Proyek terakhir</translation>
    </message>
    <message>
        <location filename="../start/window.py" line="153"/>
        <source>No recent projects yet. Projects you open will be listed here.</source>
        <translation>Belum ada proyek. Proyek yang Anda buka akan tercantum di sini.</translation>
    </message>
    <message>
        <location filename="../start/window.py" line="155"/>
        <source>Language:</source>
        <translation>Bahasa:</translation>
    </message>
    <message>
        <source>Open server project…</source>
        <translation>Buka proyek server…</translation>
    </message>
    <message>
        <source>Open a team project on a PostgreSQL server (host, database, your login)</source>
        <translation>Buka proyek tim di server PostgreSQL (host, basis data, login Anda)</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../startup.py" line="36"/>
        <source>This project is already open in another Telaah window. It is shown read-only here: close the other window to make changes.</source>
        <translation>Proyek ini sedang terbuka di jendela Telaah lain. Di sini proyek ditampilkan hanya-baca: tutup jendela lain itu untuk membuat perubahan.</translation>
    </message>
    <message>
        <location filename="../startup.py" line="84"/>
        <source>Who is working?</source>
        <translation>Siapa nama Anda?</translation>
    </message>
    <message>
        <location filename="../startup.py" line="85"/>
        <source>Your name is stored with every coding, memo and comment you make, so that a supervisor or a second coder can tell whose work is whose.

Your name:</source>
        <translation>Nama Anda disimpan bersama setiap pengodean, memo, dan komentar yang Anda buat, agar pembimbing atau pengode kedua tahu pekerjaan siapa yang mana.

Nama Anda:</translation>
    </message>
</context>
<context>
    <name>StripeMargin</name>
    <message>
        <location filename="../workbench/stripes.py" line="161"/>
        <source>(does not happen)</source>
        <translation>(tidak terjadi)</translation>
    </message>
    <message>
        <location filename="../workbench/stripes.py" line="163"/>
        <source>(barrier)</source>
        <translation>(hambatan)</translation>
    </message>
</context>
<context>
    <name>SummaryModel</name>
    <message>
        <location filename="../analysis/models.py" line="113"/>
        <source>Box</source>
        <translation>Kotak</translation>
    </message>
    <message>
        <location filename="../analysis/models.py" line="114"/>
        <source>Excerpts</source>
        <translation>Kutipan</translation>
    </message>
    <message>
        <location filename="../analysis/models.py" line="115"/>
        <source>Informants</source>
        <translation>Informan</translation>
    </message>
    <message>
        <location filename="../analysis/models.py" line="116"/>
        <source>Groups</source>
        <translation>Kelompok</translation>
    </message>
    <message>
        <location filename="../analysis/models.py" line="117"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../analysis/models.py" line="118"/>
        <source>Does not happen / barriers</source>
        <translation>Tidak terjadi / hambatan</translation>
    </message>
    <message>
        <location filename="../analysis/models.py" line="119"/>
        <source>Finding</source>
        <translation>Temuan</translation>
    </message>
    <message>
        <location filename="../analysis/models.py" line="120"/>
        <source>Illustrative quote</source>
        <translation>Kutipan ilustratif</translation>
    </message>
    <message>
        <location filename="../analysis/models.py" line="126"/>
        <source>filled</source>
        <translation>terisi</translation>
    </message>
    <message>
        <location filename="../analysis/models.py" line="127"/>
        <source>thin</source>
        <translation>tipis</translation>
    </message>
    <message>
        <location filename="../analysis/models.py" line="128"/>
        <source>contested</source>
        <translation>diperdebatkan</translation>
    </message>
    <message>
        <location filename="../analysis/models.py" line="129"/>
        <source>does not happen</source>
        <translation>tidak terjadi</translation>
    </message>
    <message>
        <location filename="../analysis/models.py" line="130"/>
        <source>empty</source>
        <translation>kosong</translation>
    </message>
    <message numerus="yes">
        <location filename="../analysis/models.py" line="136"/>
        <source>does not happen: %n</source>
        <translation>
            <numerusform>tidak terjadi: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../analysis/models.py" line="138"/>
        <source>barriers: %n</source>
        <translation>
            <numerusform>hambatan: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../tasks.py" line="78"/>
        <source>Cancel</source>
        <extracomment>how long work may run before the progress dialog appears (milliseconds) emitted after ``done`` or ``error``</extracomment>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../tasks.py" line="104"/>
        <source>Cancelling…</source>
        <translation>Membatalkan…</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>coder</source>
        <translation>pengode</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>peninjau</translation>
    </message>
    <message>
        <source>Team and roles…</source>
        <translation>Tim dan peran…</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Tim</translation>
    </message>
    <message>
        <source>Add a member or change a role</source>
        <translation>Tambah anggota atau ubah peran</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>A reviewer reads everything and writes review marks and comments; a coder also codes, writes memos and cases; an admin manages the team. The server enforces it.</source>
        <translation>Peninjau membaca semuanya dan menulis penilaian tinjauan serta komentar; pengode juga mengodekan, menulis memo dan kasus; admin mengelola tim. Server yang menegakkannya.</translation>
    </message>
    <message>
        <source>{0} is now {1} in this project's team.</source>
        <translation>{0} sekarang menjadi {1} dalam tim proyek ini.</translation>
    </message>
</context>
<context>
    <name>TeamModel</name>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Connected now</source>
        <translation>Terhubung sekarang</translation>
    </message>
    <message>
        <source>(you)</source>
        <translation>(Anda)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
</context>
<context>
    <name>WorkbenchMenus</name>
    <message>
        <location filename="../workbench/menus.py" line="70"/>
        <source>Update codebook…</source>
        <translation>Perbarui buku kode…</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="42"/>
        <source>Apply code</source>
        <translation>Terapkan kode</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="43"/>
        <source>Code the selected text with the current code (Ctrl+E)</source>
        <translation>Kodekan teks terpilih dengan kode yang dipilih (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="44"/>
        <source>Code in vivo</source>
        <translation>Kodekan secara in vivo</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="45"/>
        <source>Create a code named after the selected words</source>
        <translation>Buat kode baru yang dinamai dengan kata-kata terpilih, lalu kodekan teks itu</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="48"/>
        <source>Next evidence stance</source>
        <translation>Sikap bukti berikutnya</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="53"/>
        <source>The chosen coding: supports → does not happen → barrier (Ctrl+Shift+E)</source>
        <translation>Pengodean yang dipilih: mendukung → tidak terjadi → hambatan (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="55"/>
        <source>Undo</source>
        <translation>Urungkan</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="58"/>
        <source>Redo</source>
        <translation>Ulangi</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="65"/>
        <source>Import documents…</source>
        <translation>Impor dokumen…</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="69"/>
        <source>Import codebook…</source>
        <translation>Impor buku kode…</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="71"/>
        <source>Cases and attributes…</source>
        <translation>Kasus dan atribut…</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="72"/>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="73"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="74"/>
        <source>New code…</source>
        <translation>Kode baru…</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="75"/>
        <source>Edit code…</source>
        <translation>Sunting kode…</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="76"/>
        <source>Merge into…</source>
        <translation>Gabungkan ke…</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="77"/>
        <source>Delete code…</source>
        <translation>Hapus kode…</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="90"/>
        <source>Export project (.qdpx)…</source>
        <translation>Ekspor proyek (.qdpx)…</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="93"/>
        <source>Import project (.qdpx)…</source>
        <translation>Impor proyek (.qdpx)…</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="95"/>
        <source>Export codebook (.qdc)…</source>
        <translation>Ekspor buku kode (.qdc)…</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="96"/>
        <source>Import codebook (.qdc)…</source>
        <translation>Impor buku kode (.qdc)…</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="98"/>
        <source>Summary and matrices…</source>
        <translation>Ringkasan dan matriks…</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="100"/>
        <source>Change my name…</source>
        <translation>Ganti nama saya…</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="102"/>
        <source>Coders and export settings…</source>
        <translation>Pengode dan pengaturan ekspor…</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="104"/>
        <source>Merge another copy…</source>
        <translation>Gabungkan salinan lain…</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="107"/>
        <source>&amp;Project</source>
        <translation>&amp;Proyek</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="110"/>
        <source>Exchange with NVivo, ATLAS.ti, MAXQDA</source>
        <translation>Tukar data dengan NVivo, ATLAS.ti, MAXQDA</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="119"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sunting</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="123"/>
        <source>&amp;Code</source>
        <translation>&amp;Kode</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="129"/>
        <source>&amp;Analysis</source>
        <translation>&amp;Analisis</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="131"/>
        <source>&amp;Review</source>
        <translation>&amp;Tinjauan</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="134"/>
        <source>Intercoder agreement…</source>
        <translation>Kesepakatan antarpengode…</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="137"/>
        <source>Review report (Word)…</source>
        <translation>Laporan tinjauan (Word)…</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="142"/>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="143"/>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="147"/>
        <source>Coding</source>
        <translation>Pengodean</translation>
    </message>
    <message>
        <location filename="../workbench/menus.py" line="162"/>
        <source>Coder: {0}</source>
        <translation>Pengode: {0}</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>Proyek baru…</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>Buka proyek…</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>Proyek terakhir</translation>
    </message>
    <message>
        <source>Close this project and go back to the start window</source>
        <translation>Tutup proyek ini dan kembali ke jendela awal</translation>
    </message>
    <message>
        <source>From a file (.toml, .qdc)…</source>
        <translation>Dari berkas (.toml, .qdc)…</translation>
    </message>
    <message>
        <source>Add codebook</source>
        <translation>Tambah buku kode</translation>
    </message>
    <message>
        <source>Open server project…</source>
        <translation>Buka proyek server…</translation>
    </message>
</context>
<context>
    <name>CodingActions</name>
    <message>
        <source>Select some text in the transcript first.</source>
        <translation>Pilih dulu teks di transkrip.</translation>
    </message>
    <message>
        <source>Apply “{0}”</source>
        <translation>Terapkan “{0}”</translation>
    </message>
    <message>
        <source>Choose a code in the code tree first.</source>
        <translation>Pilih dulu kode di pohon kode.</translation>
    </message>
    <message>
        <source>Keys 1–9: recent codes</source>
        <translation>Tombol 1–9: kode terakhir</translation>
    </message>
    <message>
        <source>Select the words to name the code with.</source>
        <translation>Pilih kata yang akan menjadi nama kode.</translation>
    </message>
    <message>
        <source>Choose the new code in the code tree first.</source>
        <translation>Pilih dulu kode baru di pohon kode.</translation>
    </message>
    <message>
        <source>Re-code</source>
        <translation>Ganti kode</translation>
    </message>
    <message>
        <source>Assign selection to a case…</source>
        <translation>Tautkan pilihan ke kasus…</translation>
    </message>
    <message>
        <source>Remove coding</source>
        <translation>Hapus pengodean</translation>
    </message>
    <message>
        <source>Re-code with current code</source>
        <translation>Ganti dengan kode yang dipilih</translation>
    </message>
    <message>
        <source>Remove star</source>
        <translation>Hapus bintang</translation>
    </message>
    <message>
        <source>Star as illustrative</source>
        <translation>Beri bintang (kutipan ilustratif)</translation>
    </message>
    <message>
        <source>Star quote</source>
        <translation>Beri bintang pada kutipan</translation>
    </message>
    <message>
        <source>Choose a coding first (click its stripe or place the cursor in it).</source>
        <translation>Pilih pengodean dulu (klik garis kodenya atau letakkan kursor di dalamnya).</translation>
    </message>
    <message>
        <source>Change evidence stance</source>
        <translation>Ubah sikap bukti</translation>
    </message>
</context>
<context>
    <name>DocumentImport</name>
    <message>
        <source>Import documents</source>
        <translation>Impor dokumen</translation>
    </message>
    <message>
        <source>Documents ({0});;All files (*)</source>
        <translation>Dokumen ({0});;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Importing documents…</source>
        <translation>Mengimpor dokumen…</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) imported.</source>
        <translation>
            <numerusform>%n dokumen diimpor.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Dibatalkan. Tidak ada yang berubah.</translation>
    </message>
</context>
<context>
    <name>WorkbenchLayout</name>
    <message>
        <source>The team server cannot be reached. Edits are refused until it is back; everything the server confirmed is safe. Reconnecting by itself…</source>
        <translation>Server tim tidak dapat dihubungi. Suntingan ditolak sampai server kembali; semua yang sudah dikonfirmasi server aman. Menyambung kembali dengan sendirinya…</translation>
    </message>
    <message>
        <source>Show turns of:</source>
        <translation>Tampilkan giliran:</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Coding details</source>
        <translation>Rincian pengodean</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>Excerpts</source>
        <translation>Kutipan</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Tinjauan</translation>
    </message>
    <message>
        <source>Open questions</source>
        <translation>Pertanyaan belum tuntas</translation>
    </message>
    <message>
        <source>Excerpts, search and review</source>
        <translation>Kutipan, pencarian, dan tinjauan</translation>
    </message>
    <message>
        <source>all speakers</source>
        <translation>semua pembicara</translation>
    </message>
    <message>
        <source>Coding and memo</source>
        <translation>Pengodean dan memo</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>First figure number:</source>
        <translation>Nomor gambar pertama:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>By chapter (Tabel 4.1, 4.2…)</source>
        <translation>Per bab (Tabel 4.1, 4.2…)</translation>
    </message>
    <message>
        <source>Continuous (Tabel 1, 2…)</source>
        <translation>Berurutan (Tabel 1, 2…)</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Judul:</translation>
    </message>
    <message>
        <source>Numbering:</source>
        <translation>Penomoran:</translation>
    </message>
    <message>
        <source>Table number:</source>
        <translation>Nomor tabel:</translation>
    </message>
    <message>
        <source>Starred first, then up to %1</source>
        <translation>Berbintang dahulu, lalu hingga %1</translation>
    </message>
    <message>
        <source>Starred quotes only</source>
        <translation>Hanya kutipan berbintang</translation>
    </message>
    <message>
        <source>All quotes</source>
        <translation>Semua kutipan</translation>
    </message>
    <message>
        <source>At most this many:</source>
        <translation>Paling banyak:</translation>
    </message>
    <message>
        <source>Quotes per box:</source>
        <translation>Kutipan per kotak:</translation>
    </message>
    <message>
        <source>Quotes per cell:</source>
        <translation>Kutipan per sel:</translation>
    </message>
    <message>
        <source>Every level</source>
        <translation>Semua tingkat</translation>
    </message>
    <message>
        <source>Top-level boxes only</source>
        <translation>Hanya kotak tingkat teratas</translation>
    </message>
    <message>
        <source>Two levels</source>
        <translation>Dua tingkat</translation>
    </message>
    <message>
        <source>Depth:</source>
        <translation>Kedalaman:</translation>
    </message>
    <message>
        <source>Wide: boxes × columns</source>
        <translation>Lebar: kotak × kolom</translation>
    </message>
    <message>
        <source>Long: one row per box and column</source>
        <translation>Panjang: satu baris per kotak dan kolom</translation>
    </message>
    <message>
        <source>Split: one table per top-level box</source>
        <translation>Terpisah: satu tabel per kotak tingkat teratas</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>Tata letak:</translation>
    </message>
    <message>
        <source>All evidence</source>
        <translation>Semua bukti</translation>
    </message>
    <message>
        <source>Only evidence of:</source>
        <translation>Hanya bukti dari:</translation>
    </message>
    <message>
        <source>Section number:</source>
        <translation>Nomor subbab:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Telusuri…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Berkas:</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>overlapping %1</source>
        <translation>bertumpang tindih dengan %1</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Mengekspor…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <source>Saved “%1” in %2.</source>
        <translation>“%1” disimpan di %2.</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Buka berkas</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Tampilkan di folder</translation>
    </message>
    <message>
        <source>Export the summary table</source>
        <translation>Ekspor tabel ringkasan</translation>
    </message>
    <message>
        <source>Export the matrix</source>
        <translation>Ekspor matriks</translation>
    </message>
    <message>
        <source>Export the informant table</source>
        <translation>Ekspor daftar informan</translation>
    </message>
    <message>
        <source>Export the operationalisation table</source>
        <translation>Ekspor tabel operasionalisasi</translation>
    </message>
    <message>
        <source>Export the findings table</source>
        <translation>Ekspor tabel ringkasan temuan</translation>
    </message>
    <message>
        <source>Export the chapter draft</source>
        <translation>Ekspor draf bab</translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>(not found)</source>
        <translation>(tidak ditemukan)</translation>
    </message>
    <message>
        <source>No recent projects yet</source>
        <translation>Belum ada proyek terakhir</translation>
    </message>
</context>
<context>
    <name>EmptyDocumentsHint</name>
    <message>
        <source>No documents yet.

Drag your transcripts (.docx, .pdf, .txt, .odt, .rtf) onto this list, or import them:</source>
        <translation>Belum ada dokumen.

Seret transkrip Anda (.docx, .pdf, .txt, .odt, .rtf) ke daftar ini, atau impor:</translation>
    </message>
    <message>
        <source>Import documents…</source>
        <translation>Impor dokumen…</translation>
    </message>
</context>
<context>
    <name>EmptyCodesHint</name>
    <message>
        <source>No codes yet. Add a theory codebook that ships with Telaah (codes, indicators, definitions and references), or make your own:</source>
        <translation>Belum ada kode. Tambahkan buku kode teori yang disertakan Telaah (kode, indikator, definisi, dan rujukan), atau buat sendiri:</translation>
    </message>
    <message>
        <source>New code…</source>
        <translation>Kode baru…</translation>
    </message>
    <message>
        <source>Codebook from a file (.toml, .qdc)…</source>
        <translation>Buku kode dari berkas (.toml, .qdc)…</translation>
    </message>
</context>
<context>
    <name>CodebookAdder</name>
    <message>
        <source>Add a codebook from a file</source>
        <translation>Tambahkan buku kode dari berkas</translation>
    </message>
    <message>
        <source>Codebook (*.toml *.qdc);;Telaah codebook (*.toml);;REFI-QDA codebook (*.qdc)</source>
        <translation>Buku kode (*.toml *.qdc);;Buku kode Telaah (*.toml);;Buku kode REFI-QDA (*.qdc)</translation>
    </message>
</context>
</TS>
