"""Marking model texts the window shows translated, without importing Qt.

``pyside6-lupdate`` recognises a call by its name, so this stand-in for Qt's
``QT_TRANSLATE_NOOP`` puts a model text (a lesson title, a preset name) into the
translation file while the model stays Qt-free. It returns the English text
unchanged; the window translates it when it shows it::

    # model/lessons.py
    from convlab.model.translatable import QT_TRANSLATE_NOOP
    title = QT_TRANSLATE_NOOP("Lessons", "Cross-correlation of a 3×3 matrix")

    # qt side
    QCoreApplication.translate("Lessons", lesson.title)

The first argument must be a string literal naming the context the window uses.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate's name)
    return text
