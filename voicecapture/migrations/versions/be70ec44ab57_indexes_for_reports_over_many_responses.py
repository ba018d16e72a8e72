"""indexes for reports over many responses: a board's quarter of responses and of comments, and a covering
index on answers for the counts a report makes

Revision ID: be70ec44ab57
Revises: ff5f8bd4089f
Create Date: 2026-11-24 03:10:47.623173
"""
from alembic import op


revision = 'be70ec44ab57'
down_revision = 'ff5f8bd4089f'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_answer_response_question_code', 'answer', ['response_id', 'question_key', 'code'])
    op.create_index('ix_comment_board_submitted', 'comment', ['board_id', 'submitted_at'])
    op.create_index('ix_response_board_submitted', 'response', ['board_id', 'submitted_at'])


def downgrade() -> None:
    op.drop_index('ix_response_board_submitted', table_name='response')
    op.drop_index('ix_comment_board_submitted', table_name='comment')
    op.drop_index('ix_answer_response_question_code', table_name='answer')
