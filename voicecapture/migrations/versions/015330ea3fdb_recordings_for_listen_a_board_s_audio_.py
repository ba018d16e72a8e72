"""recordings for Listen: a board's audio for each question and language, in the database

Revision ID: 015330ea3fdb
Revises: 2a3de99337d9
Create Date: 2026-11-24 08:37:09.470276
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '015330ea3fdb'
down_revision = '2a3de99337d9'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('recording',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('question_key', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('content_type', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('uploaded_by', sa.Integer(), nullable=True),
    sa.Column('uploaded_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], ),
    sa.ForeignKeyConstraint(['uploaded_by'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('board_id', 'survey_id', 'language', 'question_key', name='uq_recording')
    )


def downgrade() -> None:
    op.drop_table('recording')
