"""Supervisor review: excerpts to mark and discuss, open questions, intercoder agreement.

Entry points for the main window: :class:`~app.ui.review.panel.ReviewPanel`,
:class:`~app.ui.review.questions.OpenQuestionsList` and
:class:`~app.ui.review.agreement_view.AgreementView` (each takes the project's
``ProjectContext``). Their strings live in the main translation file (``app/ui/i18n``).
"""
